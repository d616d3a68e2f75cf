using System.Globalization;
using OversightBot.Core.Domain;
using OversightBot.Import.Reading;

namespace OversightBot.Import.Drafting;

/// <summary>One row that could not be imported, and why.</summary>
public sealed record RowError(string File, int Row, string Message);

/// <summary>
/// Spreadsheet trackers (CSV, .xlsx): finds the header row, maps columns (<see cref="TrackerColumns"/>), reads dates
/// day first, and drafts one item per row. A bad row is reported and skipped; it never blocks the good ones.
/// </summary>
public static class TrackerDrafter
{
    public static (IReadOnlyList<Draft> Drafts, IReadOnlyList<RowError> Errors) Draft(Sheet sheet, string file)
    {
        var (headerAt, columns) = FindHeader(sheet, file);
        var drafts = new List<Draft>();
        var errors = new List<RowError>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows.Skip(headerAt + 1).Where(r => !r.IsBlank))
        {
            var cells = columns.ToDictionary(c => c.Key, c => row.Cell(c.Value), StringComparer.Ordinal);
            try
            {
                var draft = TrackerRow.Read(cells, file, sheet.Name);
                if (!ids.Add(draft.Id))
                {
                    throw new FormatException($"id {draft.Id} appears twice in the file");
                }

                drafts.Add(draft);
            }
            catch (FormatException ex)
            {
                errors.Add(new RowError(file, row.Number, ex.Message));
            }
        }

        return (drafts, errors);
    }

    private static (int At, Dictionary<string, int> Columns) FindHeader(Sheet sheet, string file)
    {
        for (var r = 0; r < Math.Min(20, sheet.Rows.Count); r++)
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            var cells = sheet.Rows[r].Cells;
            for (var c = 0; c < cells.Count; c++)
            {
                if (TrackerColumns.FieldOf(cells[c]) is { } field && !columns.ContainsKey(field))
                {
                    columns[field] = c;
                }
            }

            if (columns.ContainsKey("title") && columns.Count >= 2)
            {
                return (r, columns);
            }
        }

        var names = string.Join(", ", TrackerColumns.Aliases.Keys);
        throw new ImportException($"{file}: no header row found in the first 20 rows; a tracker needs a Title column and at least one of: {names}. Nothing was imported.");
    }

    internal static DateOnly? ParseDate(string raw, string column)
    {
        if (raw.Length == 0)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "d/M/yy", "d-M-yyyy", "d.M.yyyy", "d MMMM yyyy", "d MMM yyyy", "dddd d MMMM yyyy", "ddd d MMM yyyy", "yyyy-MM-ddTHH:mm:ss"];
        return DateOnly.TryParseExact(raw.Trim(), formats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var d)
            ? d
            : throw new FormatException($"{column} '{raw}' is not a date (day first: 03/02/2023 is 3 February 2023, or 2023-02-03)");
    }
}
