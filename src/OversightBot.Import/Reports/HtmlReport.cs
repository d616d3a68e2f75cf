using System.Net;
using System.Text;

namespace OversightBot.Import.Reports;

/// <summary>A report as one self-contained HTML page (for the committee's website or an email).</summary>
public static class HtmlReport
{
    public static string Write(Report report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(report.Title)).Append("</title>\n")
            .Append("<style>body{font-family:Arial,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}")
            .Append("th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}th{background:#eee}</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(report.Title)).Append("</h1>\n<p>").Append(E(report.Subtitle)).Append("</p>\n");
        foreach (var table in report.Tables)
        {
            html.Append("<h2>").Append(E(table.Heading)).Append("</h2>\n");
            if (table.Note is { } note)
            {
                html.Append("<p>").Append(E(note)).Append("</p>\n");
            }

            html.Append("<table>\n<thead><tr>");
            foreach (var c in table.Columns)
            {
                html.Append("<th scope=\"col\">").Append(E(c)).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in table.Rows)
            {
                html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{E(c)}</td>")).Append("</tr>\n");
            }

            html.Append("</tbody>\n");
            if (table.Totals is { } totals)
            {
                html.Append("<tfoot><tr>").AppendJoin("", totals.Select(c => $"<th>{E(c)}</th>")).Append("</tr></tfoot>\n");
            }

            html.Append("</table>\n");
            if (table.Rows.Count == 0)
            {
                html.Append("<p>Nothing to report.</p>\n");
            }
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
