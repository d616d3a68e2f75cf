namespace OversightBot.Core.Proactive;

/// <summary>A message a planner would send, by key; its row (and text) is built only if the key is new.</summary>
public sealed record PlannedMessage(string Key, Func<CancellationToken, Task<OutboxRow>> BuildAsync)
{
    public static PlannedMessage Of(string key, Func<OutboxRow> build) => new(key, _ => Task.FromResult(build()));
}
