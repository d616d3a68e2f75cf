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
    public List<DemoStatistic> Statistics { get; init; } = [];
}

/// <summary>A statistic quoted by a seed document; only what the quote states is filled in.</summary>
public sealed record DemoStatistic
{
    public required string Id { get; init; }
    public required string Measure { get; init; }
    public string? Period { get; init; }
    public int? Numerator { get; init; }
    public int? Denominator { get; init; }
    public decimal? Percent { get; init; }
    public int? Count { get; init; }
    public required string Document { get; init; }
    public required string Quote { get; init; }
}

/// <summary>A further source of an item, cited by document key with its own reference and quote.</summary>
public sealed record DemoSource
{
    public required string Document { get; init; }
    public required string Quote { get; init; }
    public SourceKind Kind { get; init; }
    public string? Reference { get; init; }
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
    /// <summary>An explicit rule; without one, a recurrence and a due date give the first-model rule.</summary>
    public RecurrenceRule? Series { get; init; }
    public FlexDate? DueAsWritten { get; init; }
    public string? ParentId { get; init; }
    public string? PartLabel { get; init; }
    public List<string> Addresses { get; init; } = [];
    public List<string> Themes { get; init; } = [];
    public List<DemoSource> OtherSources { get; init; } = [];
    public SourceKind SourceKind { get; init; }
    public string? SourceReference { get; init; }
    public string? Accountable { get; init; }
    public bool OwnerExternal { get; init; }
    public string? InternalContact { get; init; }
    public bool OwnerUnknown { get; init; }
    public int? UpdateEveryDays { get; init; }
    public MeetingRef? ReportTo { get; init; }
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
    public BoardLifecycle Lifecycle { get; init; }
    public bool NeverPublished { get; init; }
    public DateOnly? Created { get; init; }
    public DateOnly? KnownAsAt { get; init; }
    public string? CadenceAsWritten { get; init; }
}

/// <summary>The demo dataset built from the seed documents, ready to store.</summary>
public sealed record DemoDataSet(IReadOnlyList<TrackedItem> Items, IReadOnlyList<Board> Boards, IReadOnlyList<Person> People)
{
    /// <summary>The statistics the seeds quote.</summary>
    public IReadOnlyList<Statistic> Statistics { get; init; } = [];

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
            Series = i.Series ?? (i.Recurrence != Recurrence.None && i.Due is { } first ? RecurrenceRule.FromLegacy(i.Recurrence, first, trackFrom: first) : null),
            DueAsWritten = i.DueAsWritten,
            ParentId = i.ParentId,
            PartLabel = i.PartLabel,
            Addresses = [.. i.Addresses],
            Themes = [.. i.Themes],
            OtherSources = [.. i.OtherSources.Select(o => Cite(o.Document, o.Quote) with { Kind = o.Kind, Reference = o.Reference })],
            Accountable = i.Accountable,
            OwnerExternal = i.OwnerExternal,
            InternalContact = i.InternalContact,
            OwnerUnknown = i.OwnerUnknown,
            UpdateEveryDays = i.UpdateEveryDays,
            ReportTo = i.ReportTo,
            Id = i.Id,
            Kind = i.Kind,
            SubKind = i.SubKind,
            Reference = i.Reference,
            Title = i.Title,
            Text = i.Text,
            Source = Cite(i.Document, i.Quote) with { Kind = i.SourceKind, Reference = i.SourceReference },
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
            Lifecycle = b.Lifecycle,
            NeverPublished = b.NeverPublished,
            Created = b.Created,
            KnownAsAt = b.KnownAsAt ?? (b.Document is { } key && docs.TryGetValue(key, out var known) ? known.Date : null),
            CadenceAsWritten = b.CadenceAsWritten,
        }).ToList();

        var statistics = file.Statistics.Select(s => new Statistic
        {
            Id = s.Id,
            Measure = s.Measure,
            Period = s.Period,
            Numerator = s.Numerator,
            Denominator = s.Denominator,
            Percent = s.Percent,
            Count = s.Count,
            Source = Cite(s.Document, s.Quote),
            Quote = s.Quote,
        }).ToList();

        var people = file.People.Select(p => new Person
        {
            Email = p.Email.ToLowerInvariant(),
            Name = p.Name,
            Role = p.Role,
            Team = p.Team,
            ManagerEmail = p.Manager?.ToLowerInvariant(),
        }).ToList();

        return new DemoDataSet(items, boards, people) { Statistics = statistics };
    }
}
