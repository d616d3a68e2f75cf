using OversightBot.Core.Domain;

namespace OversightBot.Core.Replies;

/// <summary>The verbs of item buttons (a contract: channels and the web chat read them).</summary>
public static class ItemVerbs
{
    public const string Done = "done";
    /// <summary>Add a progress note (form: note).</summary>
    public const string Update = "update";
    /// <summary>Ask for (or, as a manager, set) a new due date (form: date and reason).</summary>
    public const string NewDate = "newdate";
    public const string Snooze = "snooze";
}

/// <summary>
/// The one set of buttons offered on an item, shared by nudges, escalations and status replies: offered only
/// while the item is open and only to a viewer who may update it (<see cref="Permissions.CanUpdate"/>), which is
/// exactly the check the commands they send must pass.
/// </summary>
public static class ItemActions
{
    public static IReadOnlyList<ReplyAction> For(TrackedItem item, Person? viewer) =>
        item.IsOpen && Permissions.CanUpdate(viewer, item).Allowed ? All(item.Id) : [];

    /// <summary>Every item action for <paramref name="id"/>, whoever looks (for tests and benchmarks).</summary>
    public static IReadOnlyList<ReplyAction> All(string id) =>
    [
        new ReplyAction("Mark done", ItemVerbs.Done, id, $"mark {id} done"),
        new ReplyAction("Add update", ItemVerbs.Update, id, $"note on {id}: {{note}}") { Inputs = [ActionInput.Note] },
        new ReplyAction("Request new date", ItemVerbs.NewDate, id, $"move {id} to {{date}} because {{reason}}")
        {
            Inputs = [ActionInput.Date, ActionInput.Reason],
        },
        new ReplyAction("Snooze a week", ItemVerbs.Snooze, id, $"snooze {id} for a week"),
    ];
}
