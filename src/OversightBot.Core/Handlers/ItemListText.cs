using System.Text;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>Plain-text lines for item lists, shared by every list-shaped reply.</summary>
public static class ItemListText
{
    public static void AppendRow(StringBuilder sb, ReplyItem r, DateOnly today)
    {
        sb.Append("  ").Append(r.Id).Append("  ");
        if (r.DaysOverdue is > 0)
        {
            sb.Append(ReplyItems.Days(r.DaysOverdue.Value)).Append(" late (due ").Append(ReplyItems.Date(r.Due!.Value)).Append(')');
        }
        else if (r.Due is { } due)
        {
            sb.Append(due < today ? "was due " : "due ").Append(ReplyItems.Date(due));
        }
        else
        {
            sb.Append("no date set");
        }

        sb.Append("  [").Append(Say.StatusName(r.Status)).Append("]  ").AppendLine(r.Title);
        if (r.Note is { Length: > 0 } note)
        {
            sb.Append("        ").AppendLine(note);
        }
    }

    /// <summary>
    /// A reply listing one page of items: heading, window ("showing 11–20"), one line per item, "N more", and
    /// the paging fields; callers add facts and follow-ups with <c>with</c>.
    /// </summary>
    public static Reply ListReply(string intent, string heading, IReadOnlyList<ReplyItem> rows, int total, int offset, DateOnly today, string? trailer = null)
    {
        var sb = new StringBuilder(heading).Append(Window(offset, rows.Count, total)).AppendLine(".").AppendLine();
        foreach (var r in rows)
        {
            AppendRow(sb, r, today);
        }

        var tail = new[] { MoreLine(offset, rows.Count, total), trailer ?? "" }.Where(t => t.Length > 0).ToList();
        if (tail.Count > 0)
        {
            sb.AppendLine().Append(string.Join(Environment.NewLine + Environment.NewLine, tail));
        }

        return new Reply
        {
            Intent = intent,
            Heading = heading,
            Text = sb.ToString().TrimEnd(),
            Items = rows,
            Total = total,
            Shown = rows.Count,
            NextOffset = NextOffset(offset, rows.Count, total),
        };
    }

    /// <summary>"showing 1–10" when the page is a part of the total.</summary>
    public static string Window(int offset, int shown, int total) =>
        offset == 0 && shown == total ? "" : $"; showing {offset + 1}–{offset + shown}";

    public static int? NextOffset(int offset, int shown, int total) => offset + shown < total ? offset + shown : null;

    public static string MoreLine(int offset, int shown, int total) => Say.More(total - offset - shown);
}
