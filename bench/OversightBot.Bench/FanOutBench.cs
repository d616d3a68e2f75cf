using System.Collections.Concurrent;
using System.Diagnostics;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Core.Replies;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Bench;

/// <summary>The fan-out half of <c>bench-proactive</c>: a LiteDB outbox drained through a rate-limited fake channel.</summary>
public static class FanOutBench
{
    public static async Task RunAsync(string path, int nudges, int conversations, int ratePerSecond, TextWriter output, CancellationToken ct)
    {
        var clock = TimeProvider.System;
        using var store = new LiteDbStore(path);
        for (var c = 0; c < conversations; c++)
        {
            await store.UpsertPersonAsync(new Person { Email = $"user{c}@example.org", Name = $"User {c}" }, ct);
        }

        var now = clock.GetUtcNow();
        var rows = Enumerable.Range(0, nudges).Select(i => OutboxRow.New(
            $"nudge:B-{i}:2026-11-23:0:user{i % conversations}@example.org", "nudge", $"user{i % conversations}@example.org", now,
            new Reply { Intent = "nudge", Text = $"B-{i} is due today", Actions = ItemActions.All($"B-{i}") }, now)).ToList();
        await store.AddManyIfAbsentAsync(rows, ct);

        var sender = new RateLimitedSender(clock, ratePerSecond);
        var policy = new ReminderPolicy { WorkingDaysOnly = false, WindowStart = TimeOnly.MinValue, WindowEnd = TimeOnly.MaxValue };
        var options = new DispatcherOptions { BatchSize = nudges, MaxConcurrency = 64, Lease = TimeSpan.FromMinutes(10) };
        var dispatcher = new Dispatcher(store, store, store, [sender], policy, options, clock);
        var started = clock.GetUtcNow();
        var sw = Stopwatch.StartNew();
        var maxLag = TimeSpan.Zero;
        var (batches, requeued) = (0, 0);
        while (true)
        {
            var report = await dispatcher.DispatchAsync(ct);
            maxLag = report.MaxRecordLag > maxLag ? report.MaxRecordLag : maxLag;
            batches += report.Claimed > 0 ? 1 : 0;
            requeued += report.Throttled;
            var counts = await store.CountByStateAsync(ct);
            if (!counts.ContainsKey(OutboxState.Pending) && !counts.ContainsKey(OutboxState.Failed) && !counts.ContainsKey(OutboxState.InFlight))
            {
                break;
            }

            if (report.Claimed == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), clock, ct);
            }
        }

        var took = sw.Elapsed;
        var perConversation = (nudges + conversations - 1) / conversations;
        // A fixed one-second window admits `rate` messages, so the last can leave at the start of window ceil(N/rate)−1;
        // one conversation's m messages need m−1 seconds.
        var floor = TimeSpan.FromSeconds(Math.Max(Math.Ceiling((double)nudges / ratePerSecond) - 1, perConversation - 1));
        var delivered = (await store.CountByStateAsync(ct)).GetValueOrDefault(OutboxState.Delivered);
        var distinct = sender.Accepted.Keys.Count;
        var duplicates = sender.Accepted.Values.Sum(v => v - 1);
        await output.WriteLineAsync(
            $"fan-out: {nudges:N0} nudges to {conversations:N0} conversations, limits 1/s per conversation and {ratePerSecond:N0}/s per workspace");
        await output.WriteLineAsync(
            $"  total {took.TotalSeconds:F2} s vs floor {floor.TotalSeconds:F2} s ({took / floor:F3}×); 429s answered {sender.Rejected:N0} " +
            $"({sender.ConversationRejected:N0} for a conversation); {requeued:N0} rows went back to the outbox throttled; {batches} dispatch batches");
        await output.WriteLineAsync(
            $"  first message accepted after {(sender.FirstAccepted - started)?.TotalSeconds:F2} s (claiming the batch), last after {(sender.LastAccepted - started).TotalSeconds:F2} s");
        await output.WriteLineAsync(
            $"  delivered {delivered:N0} recorded, {distinct:N0} distinct accepted, lost {nudges - distinct}, duplicates {duplicates}; send→record max {maxLag.TotalMilliseconds:F1} ms");
    }

    /// <summary>
    /// A fake platform: accepts at most one message per second per conversation and <c>rate</c> per one-second window
    /// across the workspace; beyond either it answers 429 with Retry-After, like Slack and the Bot Connector, saying
    /// which limit was hit.
    /// </summary>
    public sealed class RateLimitedSender(TimeProvider clock, int rate) : IMessageSender
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, DateTimeOffset> _lastInConversation = new(StringComparer.Ordinal);
        private DateTimeOffset _windowStart;
        private int _inWindow;
        private int _rejected;
        private int _conversationRejected;

        public ConcurrentDictionary<string, int> Accepted { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? FirstAccepted { get; private set; }

        public DateTimeOffset LastAccepted { get; private set; }

        public int Rejected => _rejected;

        /// <summary>429s for the per-conversation limit (the rest were for the workspace's).</summary>
        public int ConversationRejected => _conversationRejected;

        public string Channel => "fake-workspace";

        public Task<bool> CanReachAsync(Person recipient, CancellationToken ct) => Task.FromResult(true);

        public Task<SendOutcome> SendAsync(Person recipient, Reply message, string key, CancellationToken ct)
        {
            lock (_lock)
            {
                var now = clock.GetUtcNow();
                if (_lastInConversation.TryGetValue(recipient.Email, out var last) && now - last < TimeSpan.FromSeconds(1))
                {
                    _conversationRejected++;
                    return Task.FromResult(Reject(last + TimeSpan.FromSeconds(1) - now) with { Scope = ThrottleScope.Conversation });
                }

                if (now - _windowStart >= TimeSpan.FromSeconds(1))
                {
                    _windowStart = now;
                    _inWindow = 0;
                }

                if (_inWindow >= rate)
                {
                    return Task.FromResult(Reject(_windowStart + TimeSpan.FromSeconds(1) - now));
                }

                _inWindow++;
                _lastInConversation[recipient.Email] = now;
                FirstAccepted ??= now;
                LastAccepted = now;
                Accepted.AddOrUpdate(key, 1, (_, n) => n + 1);
                return Task.FromResult(SendOutcome.Delivered);
            }
        }

        private SendOutcome Reject(TimeSpan retryAfter)
        {
            _rejected++;
            return new SendOutcome(SendOutcomeKind.Throttled, retryAfter);
        }
    }
}
