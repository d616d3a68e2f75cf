using System.Diagnostics;
using OversightBot.Core.Diagnostics;
using OversightBot.Core.Domain;
using OversightBot.Core.Handlers;
using OversightBot.Core.Input;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;
using OversightBot.Core.Time;

namespace OversightBot.Core.Conversation;

/// <summary>One message in, one reply out: recognise, dispatch to the intent's handler, return the reply model.</summary>
public sealed class ConversationService : IDisposable
{
    private readonly IIntentRecognizer _recognizer;
    private readonly TimeProvider _clock;
    private readonly ItemWriteGate _gate = new();
    private readonly OverdueHandler _overdue;
    private readonly DueHandler _due;
    private readonly StatusHandler _status;
    private readonly OwnerHandler _owner;
    private readonly BoardsHandler _boards;
    private readonly DigestHandler _digest;
    private readonly UpdateHandler _update;
    private readonly PreferencesHandler _preferences;
    private readonly ListHandler _list;
    private readonly StatsHandler _stats;
    private readonly HistoryHandler _history;
    private readonly AddHandler _add;
    private readonly RecordHandler _record;
    private readonly IntentCompletion _completion;
    private readonly PageMemory _pageMemory;
    private readonly ReplyCache _cache;
    private readonly IItemStore _items;

    public ConversationService(IIntentRecognizer recognizer, IItemStore items, IBoardStore boards, IPersonStore people, TimeProvider clock, bool cacheAnswers = true, IPageStateStore? pages = null)
    {
        _pageMemory = new PageMemory(pages ?? new InMemoryPageStates(), clock);
        _recognizer = recognizer;
        _clock = clock;
        _items = items;
        _cache = new ReplyCache(cacheAnswers ? ReplyCache.DefaultCapacity : 0);
        _overdue = new OverdueHandler(items);
        _due = new DueHandler(items);
        _status = new StatusHandler(items);
        _owner = new OwnerHandler(items, people);
        _boards = new BoardsHandler(boards);
        _digest = new DigestHandler(items, boards);
        _update = new UpdateHandler(items, people, _gate);
        _preferences = new PreferencesHandler(items, people, _gate);
        _list = new ListHandler(items, people, _owner);
        _stats = new StatsHandler(items, _owner);
        _history = new HistoryHandler(items);
        _add = new AddHandler(items, _owner, _gate);
        _record = new RecordHandler(boards, _boards, _gate);
        _completion = new IntentCompletion(items, _boards, _owner);
    }

    public DigestHandler Digest => _digest;

    public Understanding Understand(string text, DateOnly today) =>
        RevisionDecisions.Match(text) is { } decision
            ? new Understanding(decision, null, Entities.None)
            : _recognizer.Recognize(text, today);

    /// <summary>Answers one message; counted and timed by channel and intent (<see cref="BotTelemetry"/>), traced as <c>conversation.handle</c>.</summary>
    public async Task<Reply> HandleAsync(InboundMessage message, CancellationToken ct)
    {
        using var activity = BotTelemetry.Source.StartActivity("conversation.handle");
        activity?.SetTag("oversightbot.channel", message.Channel);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var reply = await HandleUntracedAsync(message, ct);
            activity?.SetTag("oversightbot.intent", reply.Intent);
            BotTelemetry.Answered(message.Channel, reply.Intent, Stopwatch.GetElapsedTime(started), ok: true);
            return reply;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            BotTelemetry.Answered(message.Channel, null, Stopwatch.GetElapsedTime(started), ok: false);
            throw;
        }
    }

    private async Task<Reply> HandleUntracedAsync(InboundMessage message, CancellationToken ct)
    {
        if (message.AsOf is { } requested && InputRules.AsOfProblem(requested) is { } problem)
        {
            return Refusal.Because("unknown", problem);
        }

        try
        {
            return await AnswerMessageAsync(message, ct);
        }
        catch (ArgumentOutOfRangeException ex) when (IsCalendarOverflow(ex))
        {
            // Date arithmetic past the calendar's ends ("in 9000 years"): a clear answer, nothing changed.
            return Refusal.Because("unknown",
                $"That reaches a date I can't work with; I can answer about dates from {InputRules.EarliestAsOf:yyyy} to {InputRules.LatestAsOf:yyyy}.");
        }
    }

    /// <summary>True when the exception was thrown by date arithmetic (not, say, a list index).</summary>
    private static bool IsCalendarOverflow(ArgumentOutOfRangeException ex)
    {
        foreach (var frame in new StackTrace(ex, false).GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            if (type is null || type.FullName == "System.ThrowHelper")
            {
                continue;
            }

            return type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
                || type.IsSubclassOf(typeof(System.Globalization.Calendar));
        }

        return false;
    }

    private async Task<Reply> AnswerMessageAsync(InboundMessage message, CancellationToken ct)
    {
        var now = message.AsOf is { } asOf ? London.Noon(asOf) : London.Now(_clock);
        var today = message.AsOf ?? London.Today(_clock);
        var ctx = new AskContext(message.Asker, today, now, message.Channel, message.Text);
        var understanding = Understand(message.Text, today);
        var pageKey = PageMemory.KeyFor(message.Channel, message.ConversationId, message.Asker?.Email);
        if (understanding.Intent.Name == "more")
        {
            return await MoreAsync(pageKey, ctx, ct);
        }

        var (intent, early) = await ResolveAsync(understanding, message.Text, ctx, ct);
        if (intent is null)
        {
            return early!;
        }

        var reply = await DispatchAsync(intent, ctx, 0, ct);
        await _pageMemory.RememberAsync(pageKey, message.Text, today, reply, ct);
        return reply;
    }

    /// <summary>The next page of the last list asked for here, read from the list as it is now.</summary>
    private async Task<Reply> MoreAsync(string pageKey, AskContext ctx, CancellationToken ct)
    {
        if (await _pageMemory.GetAsync(pageKey, ct) is not { } state)
        {
            return PageMemory.NothingMore;
        }

        var asked = ctx with { Today = state.Today, Text = state.Question };
        var (intent, _) = await ResolveAsync(Understand(state.Question, state.Today), state.Question, asked, ct);
        var reply = intent is null ? null : await DispatchAsync(intent, ctx, state.Next, ct);
        if (reply is null || (reply.Shown == 0 && reply.NextOffset is null))
        {
            await _pageMemory.ForgetAsync(pageKey, ct);
            return reply is { Total: > 0 } ? PageMemory.EndOfChangedList(reply.Total) : PageMemory.NothingMore;
        }

        await _pageMemory.RememberAsync(pageKey, state.Question, state.Today, reply, ct);
        return reply;
    }

    /// <summary>What the message asks, completed from the store; or, instead of an intent, a reply that answers or refuses it.</summary>
    private async Task<(Intent? Intent, Reply? Early)> ResolveAsync(Understanding understanding, string text, AskContext ctx, CancellationToken ct)
    {
        if (understanding.Entities.InvalidDates.Count > 0 && understanding.Intent is UpdateItem or Snooze or DueQuery or Unknown)
        {
            return (null, Refusal.Because(understanding.Intent.Name,
                $"{string.Join(", ", understanding.Entities.InvalidDates)} is not a real date, so I changed nothing. Check the day and month (dates are day first: 03/02/2023 is 3 February)."));
        }

        if (understanding.Entities.VagueDates.Count > 0 && understanding.Intent is DueQuery && understanding.Entities.Dates.Count == 0)
        {
            return (null, GuidanceHandler.Vague(understanding.Entities.VagueDates[0]));
        }

        var (intent, early) = await _completion.CompleteAsync(understanding, text, ctx, ct);
        return early is not null ? (null, early) : (intent, null);
    }

    /// <summary>The answer and every further page ("ask --all"), at most <paramref name="maxPages"/> replies.</summary>
    public async Task<IReadOnlyList<Reply>> HandleAllPagesAsync(InboundMessage message, int maxPages, CancellationToken ct)
    {
        var replies = new List<Reply> { await HandleAsync(message, ct) };
        while (replies[^1].NextOffset is not null && replies.Count < maxPages)
        {
            replies.Add(await HandleAsync(message with { Text = "more" }, ct));
        }

        return replies;
    }

    private Task<Reply> DispatchAsync(Intent intent, AskContext ctx, int offset, CancellationToken ct) =>
        _cache.GetOrAddAsync(intent, offset, ctx, _items.Revision, () => AnswerAsync(intent, ctx, offset, ct));

    private Task<Reply> AnswerAsync(Intent intent, AskContext ctx, int offset, CancellationToken ct) => intent switch
    {
        OverdueQuery { Filter: { } f } q => _list.HandleAsync(q.Name, f, ListHandler.Mode.Overdue, null, ctx, offset, ct),
        OverdueQuery q => _overdue.HandleAsync(q, ctx, offset, ct),
        DueQuery { Filter: { } f } q => _list.HandleAsync(q.Name, f, ListHandler.Mode.Due, q.Range, ctx, offset, ct),
        ListQuery q => _list.HandleAsync(q.Name, q.Filter, ListHandler.Mode.List, null, ctx, offset, ct),
        StatsQuery q => _stats.HandleAsync(q, ctx, ct),
        HistoryQuery q => _history.HandleAsync(q, ctx, ct),
        AddItem a => _add.HandleAsync(a, ctx, ct),
        RecordBoard r => _record.HandleAsync(r, ctx, ct),
        OverdueForOwnerQuery q => OverdueForOwnerAsync(q, ctx, offset, ct),
        DueQuery q => _due.HandleAsync(q, ctx, offset, ct),
        StatusQuery q => _status.HandleAsync(q, ctx, ct),
        OwnerQuery q => _owner.HandleAsync(q, ctx, offset, ct),
        BoardsQuery q => _boards.HandleAsync(q, ctx, ct),
        DigestQuery => _digest.ComposeAsync(ctx.Asker, ctx.Today, ct),
        Subscribe s => _preferences.SubscribeAsync(s, ctx, ct),
        Unsubscribe u => _preferences.UnsubscribeAsync(u, ctx, ct),
        UpdateItem u => _update.HandleAsync(u, ctx, ct),
        RevisionDecision d => _update.DecideAsync(d, ctx, ct),
        Snooze s => _preferences.SnoozeAsync(s, ctx, ct),
        Help h => Task.FromResult(GuidanceHandler.Help(h)),
        Unknown u => Task.FromResult(GuidanceHandler.Unknown(u)),
        _ => Task.FromResult(GuidanceHandler.Unknown(new Unknown(ctx.Text))),
    };

    private async Task<Reply> OverdueForOwnerAsync(OverdueForOwnerQuery query, AskContext ctx, int offset, CancellationToken ct)
    {
        var (owners, label) = await _owner.ResolveAsync(query.Owner, ct);
        return owners.Count > 0
            ? await _overdue.HandleForOwnersAsync(query, owners, label, ctx, offset, ct)
            : new Reply
            {
                Intent = query.Name,
                Heading = "Whose items?",
                Text = label.Length > 0 ? label : $"I don't know an owner called \"{query.Owner}\". Try \"what's overdue?\" for everyone's.",
                FollowUps = ["what's overdue?"],
            };
    }

    public void Dispose() => _gate.Dispose();
}
