using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using OversightBot.Core.Domain;

namespace OversightBot.Import.Export;

/// <summary>
/// CSV export of items, one row each, with the tracker column names so the file imports back (<c>import x.csv</c>);
/// the history column is a readable digest (the JSON export keeps history exactly).
/// </summary>
public static class ItemCsv
{
    public static readonly string[] Header =
        ["id", "kind", "subKind", "reference", "title", "text", "owner", "due", "status", "recurrence", "source", "issuer", "source date", "quote", "opened", "closed", "board", "history"];

    public static void Write(IEnumerable<TrackedItem> items, Stream output)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = true }, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var i in items)
        {
            csv.WriteRecord(
            [
                i.Id, Name(i.Kind), i.SubKind ?? "", i.Reference ?? "", i.Title, i.Text, i.Owner, Iso(i.Due), Name(i.Status),
                i.Recurrence == Recurrence.None ? "" : Name(i.Recurrence), i.Source.Document, i.Source.Issuer, Iso(i.Source.Date), i.Source.Quote,
                Iso(i.Opened), Iso(i.Closed), i.Board ?? "", History(i),
            ]);
        }

        csv.Flush();
    }

    internal static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    internal static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string History(TrackedItem item)
    {
        var sb = new StringBuilder();
        foreach (var h in item.History)
        {
            sb.Append(sb.Length > 0 ? " | " : "")
                .Append(h.At.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)).Append(' ').Append(h.By).Append(": ").Append(h.What);
            if (h.From is not null || h.To is not null)
            {
                sb.Append(' ').Append(h.From).Append(" -> ").Append(h.To);
            }
        }

        return sb.ToString();
    }
}
