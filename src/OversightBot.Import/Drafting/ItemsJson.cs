using System.Text.Json;
using System.Text.Json.Serialization;
using OversightBot.Core.Domain;
using OversightBot.Import.Reading;

namespace OversightBot.Import.Drafting;

/// <summary>The JSON export file: every item with its history, as stored. Importing it restores the items as they were.</summary>
public sealed record ItemsFile
{
    public const string FormatName = "oversightbot-items";

    public string Format { get; init; } = FormatName;
    public int Version { get; init; } = 1;
    public DateTimeOffset Exported { get; init; }
    public List<TrackedItem> Items { get; init; } = [];

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<Draft> Read(InputFile file)
    {
        ItemsFile? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ItemsFile>(PlainText.Decode(file), Options);
        }
        catch (JsonException ex)
        {
            throw new ImportException($"{file.Name}: not an OversightBot items file ({ex.Message.Split('.')[0]}). Nothing was imported.");
        }

        if (parsed is null || parsed.Format != FormatName)
        {
            throw new ImportException($"{file.Name}: not an OversightBot items file (format '{parsed?.Format}'); export one with 'export --format json'.");
        }

        var bad = parsed.Items.FirstOrDefault(i => string.IsNullOrWhiteSpace(i.Id) || string.IsNullOrWhiteSpace(i.Title) || i.Source is null);
        if (bad is not null)
        {
            throw new ImportException($"{file.Name}: an item without an id, title or source ({bad.Id}). Nothing was imported.");
        }

        return parsed.Items.Select(i => new Draft
        {
            Id = i.Id,
            Kind = i.Kind,
            SubKind = i.SubKind,
            Reference = i.Reference,
            Title = i.Title,
            Text = i.Text,
            Owner = i.Owner,
            Due = i.Due,
            Recurrence = i.Recurrence,
            Status = i.Status,
            Opened = i.Opened,
            Closed = i.Closed,
            Board = i.Board,
            Source = new DraftSource(i.Source.Document, i.Source.Issuer, i.Source.Date, i.Source.Quote, i.Source.File ?? file.Name),
            ContentHash = DraftIds.Hash("json", i.Id),
            Restored = i,
            FixedId = true,
        }).ToList();
    }
}
