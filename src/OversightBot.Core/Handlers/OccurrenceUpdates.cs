using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>
/// A status change on a recurring obligation applies to the occurrence owed now (the earliest open one), not to the
/// series: "mark S-3 done" closes April's report and reveals May's.
/// </summary>
public static class OccurrenceUpdates
{
    public static bool Applies(TrackedItem item, UpdateItem update, IItemStore items) =>
        item.Series is not null && items is IOccurrenceStore
        && update.NewStatus is ItemStatus.Done or ItemStatus.Waived or ItemStatus.InProgress or ItemStatus.Open;

    public static async Task<Reply> ApplyAsync(TrackedItem series, UpdateItem update, AskContext ctx, IItemStore items, CancellationToken ct)
    {
        var occurrences = (IOccurrenceStore)items;
        var current = await occurrences.CurrentOccurrenceAsync(series.Id, ct);
        if (current is null)
        {
            return Refusal.Because(update.Name, $"{series.Id} has no occurrence still owed.", $"status {series.Id}");
        }

        var status = update.NewStatus!.Value;
        current.History.Add(new HistoryEntry
        {
            At = ctx.Now,
            By = ctx.Asker!.Email,
            What = "status",
            From = ReplyItems.StatusName(current.Status),
            To = ReplyItems.StatusName(status),
            FromStatus = current.Status,
            ToStatus = status,
            Note = update.Note,
            Occurrence = current.Key,
        });
        current.Status = status;
        current.Closed = status is ItemStatus.Done or ItemStatus.Waived ? ctx.Today : null;
        if (update.EvidenceLink is { Length: > 0 } link)
        {
            current.Evidence.Add(new EvidenceEntry { Kind = EvidenceKind.Link, What = link, Added = ctx.Today, AddedBy = ctx.Asker.Email });
        }

        var next = await occurrences.SaveOccurrenceAsync(current, ct);
        var done = $"{current.Label} → {ReplyItems.StatusText(status)}";
        var then = next is null ? "no further occurrence is owed" : $"next due {ReplyItems.Date(next.Due)} ({next.Label})";
        var updated = await items.GetAsync(series.Id, ct) ?? series;
        return new Reply
        {
            Intent = update.Name,
            Heading = $"{series.Id} updated",
            Text = $"{series.Id} updated: {done}; {then}.",
            Items = [ReplyItems.From(updated, ctx.Today)],
            Total = 1,
            Shown = 1,
            Facts = [new ReplyFact("By", ctx.Asker.Email), new ReplyFact("Changes", done), new ReplyFact("Next", then)],
            FollowUps = [$"status {series.Id}"],
        };
    }
}
