using System.Text;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;
using OversightBot.Core.Time;

namespace OversightBot.Core.Handlers;

/// <summary>"History of R-7", "audit trail for the PEEL comments": every recorded change, note, evidence link and revision.</summary>
public sealed class HistoryHandler(IItemStore items)
{
    public async Task<Reply> HandleAsync(HistoryQuery query, AskContext ctx, CancellationToken ct)
    {
        var found = await ItemLookup.FindAsync(items, query.ItemId, query.Words, ct);
        if (found.Item is not { } item || !Permissions.CanRead(ctx.Asker, item))
        {
            return Choice.Reply(query.Name, query.ItemId ?? query.Words ?? "that", found.Candidates.Where(i => Permissions.CanRead(ctx.Asker, i)).ToList(), "history", ctx.Today);
        }

        var lines = new List<(DateOnly Day, string Text)>
        {
            ((item.Opened ?? item.Source.Date), $"raised: {item.Source.Document} ({item.Source.Issuer})"),
        };
        foreach (var h in item.History)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(h.At, London.Zone).DateTime);
            var change = h.From is not null || h.To is not null ? $" {h.From ?? "none"} → {h.To ?? "none"}" : "";
            lines.Add((day, $"{h.What}{change} by {h.By}{(h.Note is { Length: > 0 } n ? $": {n}" : "")}"));
        }

        foreach (var r in item.Revisions.Where(r => !item.History.Any(h => h.What.Contains("due date", StringComparison.Ordinal))))
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.RequestedAt, London.Zone).DateTime);
            lines.Add((day, $"new due date {(r.From is { } f ? Say.Date(f) : "none")} → {Say.Date(r.To)} {r.State.ToString().ToLowerInvariant()} ({r.Reason}; {r.RequestedBy})"));
        }

        if (item.Closed is { } closed && !item.History.Any(h => h.What == "status"))
        {
            lines.Add((closed, $"closed as {Say.Status(item.Status)}"));
        }

        var sb = new StringBuilder().Append(item.Id).Append(" — ").Append(item.Title).AppendLine(": history").AppendLine();
        foreach (var (day, text) in lines.OrderBy(l => l.Day))
        {
            sb.Append("  ").Append(Say.Date(day)).Append("  ").AppendLine(text);
        }

        foreach (var e in item.Evidence)
        {
            sb.Append("  Evidence: ").AppendLine(e);
        }

        if (item.History.Count == 0)
        {
            sb.AppendLine().Append("No changes have been recorded since it was raised.");
        }

        return new Reply
        {
            Intent = query.Name,
            Heading = $"{item.Id} history",
            Text = sb.ToString().TrimEnd(),
            Facts = [new ReplyFact("Changes", item.History.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), new ReplyFact("Revisions", item.Revisions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Items = [ReplyItems.From(item, ctx.Today)],
            Total = 1,
            Shown = 1,
            FollowUps = [$"status {item.Id}"],
        };
    }
}

/// <summary>"Which one?": a short numbered choice when words name several items, or a clear "no match".</summary>
public static class Choice
{
    public static Reply Reply(string intent, string what, IReadOnlyList<TrackedItem> candidates, string verb, DateOnly today)
    {
        if (candidates.Count == 0)
        {
            return new Reply
            {
                Intent = intent,
                Heading = "No match",
                Text = $"I couldn't find an item matching \"{what}\". Try an id such as R-1, a reference such as MQ 1844, or a few words from its title.",
                FollowUps = ["what's overdue?", "my items", "help"],
            };
        }

        var sb = new StringBuilder($"Several items match \"{what}\" — which one?").AppendLine();
        var n = 1;
        foreach (var c in candidates)
        {
            sb.Append(n++).Append(". ").Append(c.Id).Append("  ").AppendLine(c.Title);
        }

        return new Reply
        {
            Intent = intent,
            Heading = "Which one?",
            Text = sb.ToString().TrimEnd(),
            Items = candidates.Select(i => ReplyItems.From(i, today)).ToList(),
            Total = candidates.Count,
            Shown = candidates.Count,
            FollowUps = candidates.Select(i => $"{verb} {i.Id}").ToList(),
        };
    }
}
