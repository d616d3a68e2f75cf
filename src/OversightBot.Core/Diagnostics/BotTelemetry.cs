using System.Diagnostics;
using System.Diagnostics.Metrics;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;

namespace OversightBot.Core.Diagnostics;

/// <summary>
/// The product's metrics and traces, on the .NET diagnostics APIs (no exporter here: the host exports them with
/// OpenTelemetry when configured). Names follow OpenTelemetry conventions; tags carry no personal data.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "OversightBot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("oversightbot.requests", "{request}", "Messages answered, by channel and status (ok, error).");
    private static readonly Histogram<double> ReplyDuration = Meter.CreateHistogram<double>("oversightbot.reply.duration", "s", "Time to answer a message, by channel and intent.");
    private static readonly Counter<long> Sends = Meter.CreateCounter<long>("oversightbot.sends", "{message}", "Proactive sends, by channel and outcome.");
    private static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>("oversightbot.dead_letters", "{message}", "Proactive messages dead-lettered after their last attempt, by channel.");
    private static readonly Counter<long> StoreErrors = Meter.CreateCounter<long>("oversightbot.store.errors", "{error}", "Store operations that failed, by operation.");
    private static OutboxSnapshot _outbox = new(new Dictionary<OutboxState, int>(), null);

    static BotTelemetry()
    {
        Meter.CreateObservableGauge("oversightbot.outbox.depth", () => _outbox.Counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("state", Lower(c.Key)))),
            "{message}", "Outbox rows by state, as of the scheduler's last look.");
        Meter.CreateObservableGauge("oversightbot.outbox.age", () => _outbox.OldestDueAge is { } age ? [new Measurement<double>(age.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "How long the oldest pending message has been due (0 when none is late), as of the scheduler's last look.");
    }

    /// <summary>The outbox as the scheduler last saw it: rows per state and how late the oldest due pending row is.</summary>
    public sealed record OutboxSnapshot(IReadOnlyDictionary<OutboxState, int> Counts, TimeSpan? OldestDueAge);

    /// <summary>Set when an exporter is on: the scheduler then looks at the outbox now and then for the gauges.</summary>
    public static bool WatchOutbox { get; set; }

    public static void SetOutbox(OutboxSnapshot snapshot) => _outbox = snapshot;

    /// <summary>A message answered (or failed) on <paramref name="channel"/>.</summary>
    public static void Answered(string channel, string? intent, TimeSpan elapsed, bool ok)
    {
        var status = ok ? "ok" : "error";
        Requests.Add(1, new("channel", channel), new("status", status));
        ReplyDuration.Record(elapsed.TotalSeconds, new("channel", channel), new("intent", intent ?? "none"), new("status", status));
    }

    public static void Sent(string channel, SendOutcomeKind outcome) => Sends.Add(1, new("channel", channel), new("outcome", Lower(outcome)));

    public static void DeadLettered(string? channel) => DeadLetters.Add(1, new KeyValuePair<string, object?>("channel", channel ?? "none"));

    public static void StoreFailed(string operation) => StoreErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
