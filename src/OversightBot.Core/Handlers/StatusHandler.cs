using System.Text;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>"Status of R-12" / "the Black Thrive review" / "MQ 1844": one item in full, or a short choice.</summary>
public sealed class StatusHandler(IItemStore items)
{
    public async Task<Reply> HandleAsync(StatusQuery query, AskContext ctx, CancellationToken ct)
    {
        var found = await ItemLookup.FindAsync(items, query.ItemId, query.Words, ct);
        var visible = found.Candidates.Where(i => Permissions.CanRead(ctx.Asker, i)).ToList();
        if (found.Item is { } item && Permissions.CanRead(ctx.Asker, item))
        {
            return Describe(query, item, ctx);
        }

        return Choice.Reply(query.Name, query.Words ?? query.ItemId ?? "that", visible, "status", ctx.Today);
    }

    private static Reply Describe(StatusQuery query, TrackedItem item, AskContext ctx)
    {
        var row = ReplyItems.From(item, ctx.Today);
        var state = item.IsOverdue(ctx.Today)
            ? $"{ReplyItems.StatusText(item.Status)}, {ReplyItems.Days(item.DaysOverdue(ctx.Today))} overdue"
            : ReplyItems.StatusText(item.Status);
        var facts = new List<ReplyFact>
        {
            new("Status", state),
            new("Owner", item.Owner),
            new("Due", ItemAnswers.DueText(item)),
        };
        if (ItemAnswers.Age(item, ctx.Today) is { } age)
        {
            facts.Add(new ReplyFact(item.IsOpen ? "Open for" : "Took", age));
        }
        if (item.Recurrence != Recurrence.None)
        {
            facts.Add(new ReplyFact("Repeats", item.Recurrence.ToString().ToLowerInvariant()));
        }

        foreach (var rev in item.Revisions)
        {
            facts.Add(new ReplyFact(
                rev.State == RevisionState.Requested ? "Revision requested" : $"Revision {rev.State.ToString().ToLowerInvariant()}",
                $"{(rev.From is { } f ? ReplyItems.Date(f) : "none")} → {ReplyItems.Date(rev.To)}: {rev.Reason} ({rev.RequestedBy})"));
        }

        if (item.History.Count > 0)
        {
            var last = item.History[^1];
            facts.Add(new ReplyFact("Last update", $"{ReplyItems.Date(DateOnly.FromDateTime(last.At.DateTime))} by {last.By}: {last.What}{(last.Note is { } n ? $" — {n}" : "")}"));
            facts.Add(new ReplyFact("History", $"{item.History.Count} change{(item.History.Count == 1 ? "" : "s")}"));
        }

        if (item.SnoozedUntil is { } s && s >= ctx.Today)
        {
            facts.Add(new ReplyFact("Reminders snoozed until", ReplyItems.Date(s)));
        }

        facts.Add(new ReplyFact("Source", $"{item.Source.Document} ({item.Source.Issuer}, {ReplyItems.Date(item.Source.Date)})"));
        if (item.Source.Link is { } link)
        {
            facts.Add(new ReplyFact("Link", link));
        }

        foreach (var e in item.Evidence)
        {
            facts.Add(new ReplyFact("Evidence", e));
        }

        var sb = new StringBuilder();
        if (ItemAnswers.Lead(item, query.Aspect, ctx.Today) is { } lead)
        {
            sb.AppendLine(lead).AppendLine();
        }

        sb.Append(item.Id).Append(" — ").AppendLine(item.Title);
        foreach (var f in facts)
        {
            sb.Append(f.Label).Append(": ").AppendLine(f.Value);
        }

        if (item.Source.Quote.Length > 0)
        {
            sb.Append("Quote: \"").Append(item.Source.Quote).AppendLine("\"");
        }

        var actions = ItemActions.For(item, ctx.Asker);
        return new Reply
        {
            Intent = query.Name,
            Heading = $"{item.Id} — {item.Title}",
            Text = sb.ToString().TrimEnd(),
            Facts = facts,
            Items = [row],
            Total = 1,
            Shown = 1,
            Actions = actions,
        };
    }
}
