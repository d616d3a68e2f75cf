using System.Text.Json;
using System.Text.Json.Serialization;
using OversightBot.Core.Domain;

namespace OversightBot.Core.DemoData;

/// <summary>The shape of DemoData/oversight-demo.json: documents are cited by key from items and boards.</summary>
public sealed record DemoDataFile
{
    public List<DemoDocument> Documents { get; init; } = [];
    public List<DemoPerson> People { get; init; } = [];
    public List<DemoItem> Items { get; init; } = [];
    public List<DemoBoard> Boards { get; init; } = [];
}

public sealed record DemoDocument(string Key, string Title, string Issuer, DateOnly Date, string? Link, string File);

public sealed record DemoPerson(string Email, string Name, Role Role, string? Team, string? Manager);

public sealed record DemoItem
{
    public required string Id { get; init; }
    public required ItemKind Kind { get; init; }
    public string? SubKind { get; init; }
    public string? Reference { get; init; }
    public required string Title { get; init; }
    public string Text { get; init; } = "";
    public required string Document { get; init; }
    public required string Quote { get; init; }
    public required string Owner { get; init; }
    public DateOnly? Due { get; init; }
    public string? DueRule { get; init; }
    public Recurrence Recurrence { get; init; }
    public ItemStatus Status { get; init; }
    public DateOnly? Opened { get; init; }
    public DateOnly? Closed { get; init; }
    public string? Board { get; init; }
}

public sealed record DemoBoard
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public List<string> Aliases { get; init; } = [];
    public int CadenceDays { get; init; } = 91;
    public int PublicationWindowDays { get; init; } = 42;
    public string? WebPage { get; init; }
    public string? Clerk { get; init; }
    public string? Note { get; init; }
    public string? Document { get; init; }
    public string? Quote { get; init; }
    public List<Meeting> Meetings { get; init; } = [];
    public List<Publication> Publications { get; init; } = [];
}

/// <summary>The demo dataset built from the seed documents, ready to store.</summary>
public sealed record DemoDataSet(IReadOnlyList<TrackedItem> Items, IReadOnlyList<Board> Boards, IReadOnlyList<Person> People)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads the dataset embedded in the core library.</summary>
    public static DemoDataSet LoadEmbedded()
    {
        using var stream = typeof(DemoDataSet).Assembly.GetManifestResourceStream("OversightBot.DemoData.json")
            ?? throw new InvalidOperationException("The demo data is missing from the build.");
        return Load(stream);
    }

    public static DemoDataSet Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<DemoDataFile>(json, JsonOptions)
            ?? throw new InvalidDataException("The demo data file is empty.");
        return FromFile(file);
    }

    public static DemoDataSet FromFile(DemoDataFile file)
    {
        var docs = file.Documents.ToDictionary(d => d.Key, StringComparer.Ordinal);
        SourceRef Cite(string key, string? quote) =>
            docs.TryGetValue(key, out var d)
                ? new SourceRef { Document = d.Title, Issuer = d.Issuer, Date = d.Date, Link = d.Link, File = d.File, Quote = quote ?? "" }
                : throw new InvalidDataException($"Demo data cites unknown document '{key}'.");

        var items = file.Items.Select(i => new TrackedItem
        {
            Id = i.Id,
            Kind = i.Kind,
            SubKind = i.SubKind,
            Reference = i.Reference,
            Title = i.Title,
            Text = i.Text,
            Source = Cite(i.Document, i.Quote),
            Owner = i.Owner,
            Due = i.Due,
            DueRule = i.DueRule,
            Recurrence = i.Recurrence,
            Status = i.Status,
            Opened = i.Opened ?? docs[i.Document].Date,
            Closed = i.Closed,
            Board = i.Board,
        }).ToList();

        var boards = file.Boards.Select(b => new Board
        {
            Id = b.Id,
            Name = b.Name,
            Aliases = [.. b.Aliases],
            CadenceDays = b.CadenceDays,
            PublicationWindowDays = b.PublicationWindowDays,
            WebPage = b.WebPage,
            Clerk = b.Clerk,
            Note = b.Note,
            Source = b.Document is null ? null : Cite(b.Document, b.Quote),
            Meetings = [.. b.Meetings],
            Publications = [.. b.Publications],
        }).ToList();

        var people = file.People.Select(p => new Person
        {
            Email = p.Email.ToLowerInvariant(),
            Name = p.Name,
            Role = p.Role,
            Team = p.Team,
            ManagerEmail = p.Manager?.ToLowerInvariant(),
        }).ToList();

        return new DemoDataSet(items, boards, people);
    }
}
