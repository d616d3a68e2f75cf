using System.Collections.Concurrent;
using System.Diagnostics;
using OversightBot.Core.Diagnostics;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Time;

namespace OversightBot.Core.Proactive;

public sealed record DispatcherOptions
{
    /// <summary>How long a claim is held; a claim not recorded by then is claimed again.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Rows claimed at a time; keep BatchSize / (workspace rate) well under <see cref="Lease"/>.</summary>
    public int BatchSize { get; init; } = 1_000;
    /// <summary>Rows per claim within a batch: sending starts after the first chunk is claimed.</summary>
    public int ClaimChunk { get; init; } = 250;
    /// <summary>Sends in flight at once per channel (across its conversations).</summary>
    public int MaxConcurrency { get; init; } = 32;
    /// <summary>Minimum gap between two messages to one conversation (Teams and Slack: about 1 per second).</summary>
    public TimeSpan ConversationSpacing { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// A Retry-After up to this long is waited out in-process; a longer one returns the row to the outbox with that time,
    /// as does a message still throttled after waiting this long in all.
    /// </summary>
    public TimeSpan MaxInlineThrottleWait { get; init; } = TimeSpan.FromSeconds(30);
    public OutboxRetryPolicy Retry { get; init; } = OutboxRetryPolicy.Default;
}

public sealed record DispatchReport(int Claimed, int Delivered, int Throttled, int Failed, int Gone, int Cancelled, TimeSpan MaxRecordLag)
{
    public static DispatchReport Empty { get; } = new(0, 0, 0, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// Claims due rows, sends each through the first sender that can reach the recipient, and records the outcome
/// straight after the send returns (the only window in which a crash can duplicate a message). Paces each
/// conversation (one message per <see cref="DispatcherOptions.ConversationSpacing"/>). A 429 makes only its scope wait
/// for the Retry-After: the conversation, or the channel's workspace (<see cref="SendOutcome.Scope"/>; a platform that
/// does not say means the workspace). While a workspace waits, its messages queue and are admitted afterwards oldest
/// first (<see cref="WorkspaceQueue"/>), so every message keeps its turn instead of racing the others again.
/// </summary>
public sealed class Dispatcher(
    IOutboxStore outbox, IPersonStore people, IItemStore items, IReadOnlyList<IMessageSender> senders,
    ReminderPolicy policy, DispatcherOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextInConversation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _conversationPausedUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WorkspaceQueue> _workspaces = new(StringComparer.Ordinal);
    private long _tickets;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _conversationTurns = new(StringComparer.Ordinal);

    /// <summary>One batch: claims up to <see cref="DispatcherOptions.BatchSize"/> due rows and settles each.</summary>
    public async Task<DispatchReport> DispatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!policy.MaySendAt(now))
        {
            return DispatchReport.Empty;
        }

        var tally = new Tally { Recorder = new GroupRecorder(outbox, options.Retry, clock) };
        var conversations = new List<Task>();
        var claimed = 0;
        while (claimed < options.BatchSize)
        {
            // Claim in chunks and start sending the first chunk while claiming the next.
            var want = Math.Min(options.ClaimChunk, options.BatchSize - claimed);
            var rows = await outbox.ClaimDueAsync(clock.GetUtcNow(), options.Lease, want, ct);
            claimed += rows.Count;
            conversations.AddRange(rows.GroupBy(r => r.Recipient, StringComparer.Ordinal).Select(g => RunConversationAsync([.. g], tally, ct)));
            if (rows.Count < want)
            {
                break;
            }
        }

        await Task.WhenAll(conversations);
        return claimed == 0
            ? DispatchReport.Empty
            : new DispatchReport(claimed, tally.Delivered, tally.Throttled, tally.Failed, tally.Gone, tally.Cancelled, TimeSpan.FromTicks(tally.MaxLagTicks));
    }

    /// <summary>Settles one recipient's rows in order; one conversation is never served by two tasks at once.</summary>
    private async Task RunConversationAsync(List<OutboxRow> rows, Tally tally, CancellationToken ct)
    {
        var turn = _conversationTurns.GetOrAdd(rows[0].Recipient, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        try
        {
            await SettleAsync(rows, tally, ct);
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task SettleAsync(List<OutboxRow> rows, Tally tally, CancellationToken ct)
    {
        var person = await people.GetPersonAsync(rows[0].Recipient, ct);
        var sender = person is null ? null : await PickSenderAsync(person, ct);
        foreach (var row in rows)
        {
            if (person is null || sender is null)
            {
                await outbox.RecordAsync(row.Key, new SendOutcome(SendOutcomeKind.RecipientGone, Error: person is null ? "unknown person" : "no channel reaches the person"), null, clock.GetUtcNow(), options.Retry, ct);
                tally.Add(SendOutcomeKind.RecipientGone);
                continue;
            }

            if (clock.GetUtcNow() >= row.NextAt)
            {
                // The claim's lease has ended: another dispatcher may own the row now. Leave it to be claimed again.
                continue;
            }

            if (await StaleReasonAsync(row, ct) is { } reason)
            {
                await outbox.CancelAsync(row.Key, reason, clock.GetUtcNow(), ct);
                Interlocked.Increment(ref tally.Cancelled);
                continue;
            }

            await SendOneAsync(row, person, sender, tally, ct);
        }
    }

    private async Task SendOneAsync(OutboxRow row, Person person, IMessageSender sender, Tally tally, CancellationToken ct)
    {
        var conversation = sender.Channel + ":" + person.Email;
        var workspace = _workspaces.GetOrAdd(sender.Channel, _ => new WorkspaceQueue(clock, options.MaxConcurrency, options.Retry.DefaultRetryAfter));
        var ticket = Interlocked.Increment(ref _tickets);
        var firstTry = clock.GetUtcNow();
        while (true)
        {
            // A long Retry-After (or a message throttled in-process for long) goes back to the outbox with its time.
            var now = clock.GetUtcNow();
            var pause = Later(workspace.ClosedUntil, _conversationPausedUntil.GetValueOrDefault(conversation)) - now;
            if (pause > options.MaxInlineThrottleWait || (pause > TimeSpan.Zero && now - firstTry > options.MaxInlineThrottleWait))
            {
                await outbox.RecordAsync(row.Key, new SendOutcome(SendOutcomeKind.Throttled, pause), sender.Channel, now, options.Retry, CancellationToken.None);
                tally.Add(SendOutcomeKind.Throttled);
                return;
            }

            await WaitUntilAsync(Later(_nextInConversation.GetValueOrDefault(conversation), _conversationPausedUntil.GetValueOrDefault(conversation)), ct);
            long sentAt = 0;
            var outcome = await workspace.SendAsync(
                ticket,
                async () =>
                {
                    var result = await SendSafelyAsync(sender, person, row, ct);
                    sentAt = Stopwatch.GetTimestamp();
                    return result;
                },
                ct);
            BotTelemetry.Sent(sender.Channel, outcome.Kind);
            if (outcome.Kind == SendOutcomeKind.Throttled)
            {
                // Refused, so not a send: the conversation's spacing does not start. Only the scope the platform named
                // waits (the workspace queue has closed itself for a workspace 429); this message keeps its ticket.
                if (outcome.Scope == ThrottleScope.Conversation)
                {
                    var until = clock.GetUtcNow() + (outcome.RetryAfter ?? options.Retry.DefaultRetryAfter);
                    _conversationPausedUntil.AddOrUpdate(conversation, until, (_, old) => Later(old, until));
                }

                continue;
            }

            _nextInConversation[conversation] = clock.GetUtcNow() + options.ConversationSpacing;
            await tally.Recorder.RecordAsync(new OutboxOutcome(row.Key, outcome, sender.Channel));
            tally.Lag(Stopwatch.GetElapsedTime(sentAt).Ticks);
            tally.Add(outcome.Kind);
            return;
        }
    }

    /// <summary>Sends waiting for their turn in a channel's workspace (for tests).</summary>
    internal int WaitingIn(string channel) => _workspaces.TryGetValue(channel, out var w) ? w.Waiting : 0;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static async Task<SendOutcome> SendSafelyAsync(IMessageSender sender, Person person, OutboxRow row, CancellationToken ct)
    {
        using var activity = BotTelemetry.Source.StartActivity("outbox.send");
        activity?.SetTag("oversightbot.channel", sender.Channel);
        activity?.SetTag("oversightbot.kind", row.Kind);
        try
        {
            var outcome = await sender.SendAsync(person, row.Message, row.Key, ct);
            activity?.SetTag("oversightbot.outcome", outcome.Kind.ToString());
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            return new SendOutcome(SendOutcomeKind.Failed, Error: ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>Why an item message no longer applies: the item is closed, snoozed, or its due date moved.</summary>
    private async Task<string?> StaleReasonAsync(OutboxRow row, CancellationToken ct)
    {
        if (row.ItemId is null)
        {
            return null;
        }

        var item = await items.GetAsync(row.ItemId, ct);
        var today = London.Today(clock);
        return item switch
        {
            null => "item removed",
            { IsOpen: false } => $"item {ReplyStatus(item)}",
            { SnoozedUntil: { } s } when s > today => "item snoozed",
            { Recurrence: Recurrence.None } when item.Due != row.ItemDue => "due date revised",
            _ => null,
        };
    }

    private static string ReplyStatus(TrackedItem item) => Handlers.ReplyItems.StatusText(item.Status);

    private async Task<IMessageSender?> PickSenderAsync(Person person, CancellationToken ct)
    {
        foreach (var s in senders)
        {
            if (await s.CanReachAsync(person, ct))
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>Waits until the clock reads <paramref name="until"/> (timers may wake a little early: check again).</summary>
    private async Task WaitUntilAsync(DateTimeOffset until, CancellationToken ct)
    {
        for (var wait = until - clock.GetUtcNow(); wait > TimeSpan.Zero; wait = until - clock.GetUtcNow())
        {
            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, clock, ct);
        }
    }

    private sealed class Tally
    {
        public int Delivered;
        public int Throttled;
        public int Failed;
        public int Gone;
        public int Cancelled;
        public long MaxLagTicks;
        public required GroupRecorder Recorder { get; init; }

        public void Add(SendOutcomeKind kind)
        {
            switch (kind)
            {
                case SendOutcomeKind.Delivered: Interlocked.Increment(ref Delivered); break;
                case SendOutcomeKind.Throttled: Interlocked.Increment(ref Throttled); break;
                case SendOutcomeKind.RecipientGone: Interlocked.Increment(ref Gone); break;
                default: Interlocked.Increment(ref Failed); break;
            }
        }

        public void Lag(long ticks)
        {
            long seen;
            while (ticks > (seen = Interlocked.Read(ref MaxLagTicks)) && Interlocked.CompareExchange(ref MaxLagTicks, ticks, seen) != seen)
            {
            }
        }
    }
}
