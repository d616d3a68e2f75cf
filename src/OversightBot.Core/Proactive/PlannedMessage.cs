namespace OversightBot.Core.Proactive;

/// <summary>
/// A message a planner would send, by key; its row (and text) is built only if the key is new. <see cref="SendDay"/>
/// is the London day its slot is sent on (a key names one slot, so one send day).
/// </summary>
public sealed record PlannedMessage(string Key, DateOnly SendDay, Func<CancellationToken, Task<OutboxRow>> BuildAsync)
{
    public static PlannedMessage Of(string key, DateOnly sendDay, Func<OutboxRow> build) => new(key, sendDay, _ => Task.FromResult(build()));
}
