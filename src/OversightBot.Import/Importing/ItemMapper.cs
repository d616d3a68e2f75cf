using System.Text;
using OversightBot.Core.Domain;
using OversightBot.Import.Drafting;

namespace OversightBot.Import.Importing;

/// <summary>Turns a reviewed draft into a stored item, recording the import (file and content hash) in its history.</summary>
public static class ItemMapper
{
    public const string Unassigned = "Unassigned";
    public const string ImportedWhat = "imported";
    private const string HashMark = "content sha256:";

    public static TrackedItem ToItem(Draft draft, DateTimeOffset now, string by)
    {
        if (draft.Restored is { } restored)
        {
            return restored;
        }

        var fallbackDate = DateOnly.FromDateTime(now.UtcDateTime);
        return new TrackedItem
        {
            Id = draft.Id,
            Kind = draft.Kind,
            SubKind = draft.SubKind,
            Reference = draft.Reference,
            Title = draft.Title,
            Text = FullText(draft),
            Source = new SourceRef
            {
                Document = draft.Source.Document,
                Issuer = draft.Source.Issuer,
                Date = draft.Source.Date ?? draft.Opened ?? fallbackDate,
                Quote = draft.Source.Quote,
                File = draft.Source.File,
            },
            Owner = draft.Owner ?? Unassigned,
            Due = draft.Due,
            DueRule = draft.DueRule,
            Recurrence = draft.Recurrence,
            Status = draft.Status,
            Opened = draft.Opened ?? draft.Source.Date,
            Closed = draft.Closed,
            Board = draft.Board,
            History =
            [
                new HistoryEntry
                {
                    At = now,
                    By = by,
                    What = ImportedWhat,
                    Note = $"from {draft.Source.File} ({HashMark}{draft.ContentHash[..16]})" + (draft.Warnings.Count > 0 ? "; to check: " + string.Join("; ", draft.Warnings) : ""),
                },
            ],
        };
    }

    /// <summary>The content hash an item was imported with, if it was imported.</summary>
    public static string? ImportedHash(TrackedItem item)
    {
        var note = item.History.FirstOrDefault(h => h.What == ImportedWhat)?.Note;
        var at = note?.IndexOf(HashMark, StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : note!.Substring(at + HashMark.Length, 16);
    }

    private static string FullText(Draft draft)
    {
        var text = new StringBuilder(draft.Text);
        if (draft.Section is { } section)
        {
            text.Append("\nSection: ").Append(section);
        }

        foreach (var part in draft.Parts)
        {
            text.Append("\nPart (").Append(part.Label).Append("): ").Append(part.Text);
        }

        if (draft.LinkedTo.Count > 0)
        {
            text.Append("\nCovers: ").Append(string.Join(", ", draft.LinkedTo));
        }

        return text.ToString();
    }
}
