using System.Globalization;
using System.Text;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;
using OversightBot.Core.Language;

namespace OversightBot.Core.Handlers;

/// <summary>
/// The weekly digest, on demand or scheduled: what became overdue in the last 7 days, what falls due in the
/// next 14, what was completed in the last 7, which boards are behind, and counts against last week.
/// </summary>
public sealed class DigestHandler(IItemStore items, IBoardStore boards)
{
    public const int PerSection = 5;

    private readonly Lock _lock = new();
    private (DateOnly Today, long Revision, Task<Reply> Shared)? _last;

    /// <summary>
    /// The digest for <paramref name="person"/>: only the greeting names them, so the content is composed once per
    /// day and store revision (50 subscribers on a Monday cost one composition, not 50).
    /// </summary>
    public async Task<Reply> ComposeAsync(Person? person, DateOnly today, CancellationToken ct)
    {
        var revision = items.Revision;
        Task<Reply> shared;
        lock (_lock)
        {
            if (_last is not { } last || last.Today != today || last.Revision != revision || last.Shared.IsFaulted || last.Shared.IsCanceled)
            {
                _last = (today, revision, ComposeSharedAsync(today, ct));
            }

            shared = _last.Value.Shared;
        }

        var reply = await shared;
        var who = person is null ? "" : $" for {person.Name}";
        var greeting = $"Weekly digest{who}, week of {ReplyItems.Date(today)}.";
        return reply with { Heading = "Weekly digest" + who, Text = greeting + Environment.NewLine + Environment.NewLine + reply.Text };
    }

    /// <summary>The digest without its greeting (the part that does not depend on who asks).</summary>
    private async Task<Reply> ComposeSharedAsync(DateOnly today, CancellationToken ct)
    {
        var becameOverdue = await items.DueBetweenAsync(today.AddDays(-7), today.AddDays(-1), openOnly: true, 0, PerSection, ct);
        var dueSoon = await items.DueBetweenAsync(today, today.AddDays(13), openOnly: true, 0, PerSection, ct);
        var completed = await items.ClosedBetweenAsync(today.AddDays(-7), today, ct);
        var overdueNow = (await items.OverdueAsync(today, 0, 0, ct)).Total;
        // A week ago, overdue were the items still open now that were late then, plus the late ones closed since.
        var weekAgo = today.AddDays(-7);
        var overdueLastWeek = (await items.OverdueAsync(weekAgo, 0, 0, ct)).Total
            + completed.Count(i => i.Due is { } d && d < weekAgo && i.Closed is { } c && c >= weekAgo);
        var staleBoards = (await boards.BoardsAsync(ct)).Where(b => BoardStaleness.IsStale(b, today)).ToList();

        var sb = new StringBuilder();
        sb.Append("Overdue now: ").Append(overdueNow).Append(" (").Append(Trend(overdueNow, overdueLastWeek)).AppendLine(" on last week).");
        var rows = new List<ReplyItem>();
        Section(sb, rows, "Became overdue in the last 7 days", becameOverdue, today, "became overdue");
        Section(sb, rows, "Due in the next 14 days", dueSoon, today, "due soon");
        Section(sb, rows, "Completed in the last 7 days", new Page<TrackedItem>(completed.Take(PerSection).ToList(), completed.Count), today, "completed");
        sb.AppendLine().AppendLine(staleBoards.Count == 0 ? "No board is behind on publication." : $"{Say.Count(staleBoards.Count, "board")} behind on publication:");
        foreach (var b in staleBoards.Take(PerSection))
        {
            sb.Append("  ").Append(b.Name).Append(" — ").AppendLine(BoardStaleness.Evaluate(b, today)[0].Text);
        }

        var facts = new List<ReplyFact>
        {
            new("Overdue now", Count(overdueNow)),
            new("Overdue a week ago", Count(overdueLastWeek)),
            new("Became overdue (7 days)", Count(becameOverdue.Total)),
            new("Due in the next 14 days", Count(dueSoon.Total)),
            new("Completed (7 days)", Count(completed.Count)),
            new("Boards behind", Count(staleBoards.Count)),
        };
        return new Reply
        {
            Intent = "digest",
            Heading = "Weekly digest",
            Text = sb.ToString().TrimEnd(),
            Facts = facts,
            Items = rows,
            Boards = staleBoards.Select(b => BoardsHandler.Row(b, today)).ToList(),
            Total = becameOverdue.Total + dueSoon.Total + completed.Count,
            Shown = rows.Count,
            FollowUps = ["what's overdue?", "what's due in the next 14 days?", "boards"],
        };
    }

    private static void Section(StringBuilder sb, List<ReplyItem> rows, string title, Page<TrackedItem> page, DateOnly today, string note)
    {
        sb.AppendLine().Append(title).Append(": ").Append(page.Total).AppendLine(page.Total == 0 ? "." : "");
        foreach (var item in page.Items)
        {
            var row = ReplyItems.From(item, today, note);
            rows.Add(row);
            ItemListText.AppendRow(sb, row with { Note = null }, today);
        }

        if (page.Total > page.Items.Count)
        {
            sb.Append("  … and ").Append(page.Total - page.Items.Count).AppendLine(" more.");
        }
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Trend(int now, int before) => now == before
        ? "no change"
        : now > before ? $"up {now - before}" : $"down {before - now}";
}
