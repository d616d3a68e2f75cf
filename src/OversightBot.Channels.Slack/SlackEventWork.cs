using OversightBot.Core.Ports;
using OversightBot.Core.Work;

namespace OversightBot.Channels.Slack;

/// <summary>
/// One acknowledged Slack event in the durable work queue, keyed by Slack's <c>event_id</c>. Its id stays taken for
/// <see cref="RememberIds"/> after it is done, so Slack's retries of it (<c>X-Slack-Retry-Num</c>) are ignored even
/// after a restart. The process that acknowledged it usually handles it at once; after a crash the host's worker
/// takes it when its lease ends.
/// </summary>
public sealed class SlackEventWork(SlackBot bot) : IWorkHandler
{
    public const string WorkKind = "slack.event";
    public static readonly TimeSpan RememberIds = TimeSpan.FromDays(1);

    public string Kind => WorkKind;

    public static string IdOf(string eventId) => $"slack:event:{eventId}";

    /// <summary>Held for the worker's lease from <paramref name="now"/>, as if claimed by the process that acknowledged it.</summary>
    public static WorkItem Item(string eventId, string callbackJson, DateTimeOffset now) => new()
    {
        Id = IdOf(eventId),
        Kind = WorkKind,
        Payload = callbackJson,
        ReadyAt = now + WorkRunner.Lease,
        Attempts = 1,
        KeepIdUntil = now + RememberIds,
    };

    public Task RunAsync(WorkItem item, CancellationToken ct) => bot.HandleEventAsync(item.Payload, ct);
}
