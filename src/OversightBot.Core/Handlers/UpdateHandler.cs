using System.Text;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>
/// Status changes, progress notes, evidence links and due-date revisions. Every change is appended to the
/// item's history; a revision by someone who is not a manager is recorded as a request awaiting approval.
/// </summary>
public sealed class UpdateHandler(IItemStore items, IPersonStore people, ItemWriteGate gate)
{
    public Task<Reply> HandleAsync(UpdateItem update, AskContext ctx, CancellationToken ct) =>
        gate.RunAsync(() => ApplyAsync(update, ctx, ct), ct);

    public Task<Reply> DecideAsync(RevisionDecision decision, AskContext ctx, CancellationToken ct) =>
        gate.RunAsync(() => DecideCoreAsync(decision, ctx, ct), ct);

    private async Task<Reply> ApplyAsync(UpdateItem update, AskContext ctx, CancellationToken ct)
    {
        var item = await ItemLookup.GetByIdAsync(items, update.ItemId, ct);
        if (item is null)
        {
            return Refusal.Because(update.Name, $"There is no item {update.ItemId}.", "what's overdue?");
        }

        var may = Permissions.CanUpdate(ctx.Asker, item);
        if (!may.Allowed)
        {
            return Refusal.Because(update.Name, may.Why!, $"status {item.Id}");
        }

        if (update.NewStatus is null && update.Note is null && update.NewDue is null && update.EvidenceLink is null)
        {
            return Refusal.Because(update.Name, $"What should I change on {item.Id}? For example \"mark {item.Id} done\", \"{item.Id} is in progress: audit started\" or \"move {item.Id} to 31 March because …\".");
        }

        if (update.NewDue is not null && string.IsNullOrWhiteSpace(update.Reason))
        {
            return Refusal.Because(update.Name, $"A new due date needs a reason: \"move {item.Id} to {ReplyItems.Date(update.NewDue.Value)} because …\".");
        }

        if (update.NewDue is { } same && same == item.Due && update.NewStatus is null && update.Note is null && update.EvidenceLink is null)
        {
            return Refusal.Because(update.Name, $"{item.Id} is already due {ReplyItems.Date(same)}, so nothing changed.", $"status {item.Id}");
        }

        var who = ctx.Asker!.Email;
        var done = new List<string>();
        if (update.NewStatus is { } status && status != item.Status)
        {
            Record(item, ctx, "status", ReplyItems.StatusName(item.Status), ReplyItems.StatusName(status), update.Note);
            item.Status = status;
            item.Closed = status == ItemStatus.Done ? ctx.Today : null;
            done.Add($"status → {ReplyItems.StatusText(status)}");
        }
        else if (update.Note is { Length: > 0 } note)
        {
            Record(item, ctx, "note", null, null, note);
            done.Add("note added");
        }

        if (update.EvidenceLink is { Length: > 0 } link)
        {
            item.Evidence.Add(link);
            Record(item, ctx, "evidence", null, link, null);
            done.Add("evidence added");
        }

        if (update.NewDue is { } newDue && newDue != item.Due)
        {
            done.Add(await ReviseAsync(item, newDue, update.Reason!, ctx, ct));
        }

        if (done.Count == 0)
        {
            return Refusal.Because(update.Name, $"{item.Id} is already {ReplyItems.StatusText(item.Status)}, so nothing changed.", $"status {item.Id}");
        }

        await items.UpsertAsync(item, ct);
        var text = new StringBuilder($"{item.Id} updated: {string.Join("; ", done)}.");
        return new Reply
        {
            Intent = update.Name,
            Heading = $"{item.Id} updated",
            Text = text.ToString(),
            Items = [ReplyItems.From(item, ctx.Today)],
            Total = 1,
            Shown = 1,
            Facts = [new ReplyFact("By", who), new ReplyFact("Changes", string.Join("; ", done))],
            FollowUps = [$"status {item.Id}"],
        };
    }

    private async Task<string> ReviseAsync(TrackedItem item, DateOnly newDue, string reason, AskContext ctx, CancellationToken ct)
    {
        var approved = Permissions.CanApproveRevision(ctx.Asker);
        item.Revisions.Add(new DueRevision
        {
            From = item.Due,
            To = newDue,
            Reason = reason,
            RequestedBy = ctx.Asker!.Email,
            RequestedAt = ctx.Now,
            State = approved ? RevisionState.Approved : RevisionState.Requested,
            DecidedBy = approved ? ctx.Asker.Email : null,
        });
        var from = item.Due is { } d ? ReplyItems.Date(d) : "none";
        Record(item, ctx, approved ? "due date revised" : "due date revision requested", from, ReplyItems.Date(newDue), reason);
        var count = item.Revisions.Count(r => r.State == RevisionState.Approved);
        if (approved)
        {
            item.Due = newDue;
            return $"due date {from} → {ReplyItems.Date(newDue)} (revision {count})";
        }

        var manager = ctx.Asker.ManagerEmail is { } m ? await people.GetPersonAsync(m, ct) : null;
        return $"new date {ReplyItems.Date(newDue)} requested, awaiting approval by {manager?.Name ?? "a manager"}; the due date stays {from}";
    }

    private async Task<Reply> DecideCoreAsync(RevisionDecision decision, AskContext ctx, CancellationToken ct)
    {
        if (!Permissions.CanApproveRevision(ctx.Asker))
        {
            return Refusal.Because(decision.Name, "Only managers approve or reject due-date revisions.");
        }

        var item = await ItemLookup.GetByIdAsync(items, decision.ItemId, ct);
        var pending = item?.Revisions.FindLastIndex(r => r.State == RevisionState.Requested) ?? -1;
        if (item is null || pending < 0)
        {
            return Refusal.Because(decision.Name, $"{decision.ItemId} has no revision awaiting a decision.", $"status {decision.ItemId}");
        }

        var rev = item.Revisions[pending];
        item.Revisions[pending] = rev with { State = decision.Approve ? RevisionState.Approved : RevisionState.Rejected, DecidedBy = ctx.Asker!.Email };
        Record(item, ctx, decision.Approve ? "due date revision approved" : "due date revision rejected", rev.From is { } f ? ReplyItems.Date(f) : "none", ReplyItems.Date(rev.To), rev.Reason);
        if (decision.Approve)
        {
            item.Due = rev.To;
        }

        await items.UpsertAsync(item, ct);
        var verdict = decision.Approve ? $"approved: due {ReplyItems.Date(rev.To)}" : "rejected: the due date is unchanged";
        return new Reply
        {
            Intent = decision.Name,
            Heading = $"{item.Id} revision {(decision.Approve ? "approved" : "rejected")}",
            Text = $"{item.Id} revision requested by {rev.RequestedBy} {verdict}.",
            Items = [ReplyItems.From(item, ctx.Today)],
            Total = 1,
            Shown = 1,
        };
    }

    private static void Record(TrackedItem item, AskContext ctx, string what, string? from, string? to, string? note) =>
        item.History.Add(new HistoryEntry { At = ctx.Now, By = ctx.Asker!.Email, What = what, From = from, To = to, Note = note });
}
