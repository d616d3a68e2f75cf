using OversightBot.Core.Domain;
using System.Text;
using OversightBot.Core.Conversation;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>"What's overdue?": open items past due, most late first, grouped by owner in the text.</summary>
public sealed class OverdueHandler(IItemStore items)
{
    public const int PageSize = 10;

    public async Task<Reply> HandleAsync(OverdueQuery query, AskContext ctx, int offset, CancellationToken ct) =>
        Answer(query.Name, await items.OverdueAsync(ctx.Today, offset, PageSize, ct), ctx, offset, "");

    /// <summary>Overdue items of the given owners (emails or team names), most late first.</summary>
    public async Task<Reply> HandleForOwnersAsync(OverdueForOwnerQuery query, IReadOnlyCollection<string> owners, string label, AskContext ctx, int offset, CancellationToken ct)
    {
        // The owner index is in due-date order, so the overdue items are the first ones: read until one is not.
        var overdue = new List<TrackedItem>();
        const int chunk = 200;
        for (var skip = 0; ; skip += chunk)
        {
            var page = await items.ByOwnerAsync(owners, openOnly: true, skip, chunk, ct);
            overdue.AddRange(page.Items.TakeWhile(i => i.IsOverdue(ctx.Today)));
            if (page.Items.Count < chunk || !page.Items[^1].IsOverdue(ctx.Today))
            {
                break;
            }
        }

        var shown = new Page<TrackedItem>(overdue.Skip(offset).Take(PageSize).ToList(), overdue.Count);
        return Answer(query.Name, shown, ctx, offset, $" for {label}");
    }

    private static Reply Answer(string intent, Page<TrackedItem> page, AskContext ctx, int offset, string whose)
    {
        if (page.Total == 0)
        {
            return new Reply { Intent = intent, Text = $"Nothing is overdue{whose} as of {ReplyItems.Date(ctx.Today)}.", Heading = "Nothing is overdue" + whose };
        }

        var rows = page.Items.Select(i => ReplyItems.From(i, ctx.Today)).ToList();
        var shownTo = offset + rows.Count;
        var heading = (page.Total == 1 ? "1 item is overdue" : $"{page.Total} items are overdue") + whose;
        var sb = new StringBuilder();
        sb.Append(heading).Append(" as of ").Append(ReplyItems.Date(ctx.Today));
        if (shownTo < page.Total || offset > 0)
        {
            sb.Append($"; showing {offset + 1}–{shownTo}");
        }

        sb.AppendLine(".");
        foreach (var group in rows.GroupBy(r => r.Owner))
        {
            sb.AppendLine().AppendLine(group.Key);
            foreach (var r in group)
            {
                sb.Append("  ").Append(r.Id).Append("  ").Append(ReplyItems.Days(r.DaysOverdue ?? 0)).Append(" late")
                  .Append(" (due ").Append(ReplyItems.Date(r.Due!.Value)).Append(")  ").AppendLine(r.Title);
                sb.Append("        ").Append(r.Source.Document).Append(", ").AppendLine(ReplyItems.Date(r.Source.Date));
            }
        }

        int? next = shownTo < page.Total ? shownTo : null;
        if (next is not null)
        {
            sb.AppendLine().Append($"{page.Total - shownTo} more — say \"more\".");
        }

        return new Reply
        {
            Intent = intent,
            Heading = heading,
            Text = sb.ToString().TrimEnd(),
            Items = rows,
            Total = page.Total,
            Shown = rows.Count,
            NextOffset = next,
            FollowUps = (next, rows.Count) switch
            {
                (_, 0) => ["what's overdue?"],
                (null, _) => [$"status {rows[0].Id}", "what's due this week?"],
                _ => ["more", $"status {rows[0].Id}"],
            },
        };
    }
}
