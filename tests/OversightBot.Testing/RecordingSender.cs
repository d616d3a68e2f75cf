using System.Collections.Concurrent;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Testing;

/// <summary>A fake channel: records every send with the clock's time; <see cref="Outcome"/> decides the answer.</summary>
public sealed class RecordingSender(TimeProvider clock, string channel = "fake") : IMessageSender
{
    public sealed record Sent(DateTimeOffset At, string Recipient, string Key, Reply Message);

    public ConcurrentQueue<Sent> Log { get; } = new();

    /// <summary>Decides each send's outcome; delivered by default.</summary>
    public Func<Person, string, SendOutcome> Outcome { get; set; } = (_, _) => SendOutcome.Delivered;

    public Func<Person, bool> Reaches { get; set; } = _ => true;

    public string Channel => channel;

    public Task<bool> CanReachAsync(Person recipient, CancellationToken ct) => Task.FromResult(Reaches(recipient));

    public Task<SendOutcome> SendAsync(Person recipient, Reply message, string key, CancellationToken ct)
    {
        var outcome = Outcome(recipient, key);
        if (outcome.Kind == SendOutcomeKind.Delivered)
        {
            Log.Enqueue(new Sent(clock.GetUtcNow(), recipient.Email, key, message));
        }

        return Task.FromResult(outcome);
    }
}
