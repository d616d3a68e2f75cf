using OversightBot.Core.Ports;
using Microsoft.Extensions.Time.Testing;
using OversightBot.Core.Handlers;
using OversightBot.Core.Domain;
using OversightBot.Core.Proactive;
using OversightBot.Core.Time;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Proactive;

/// <summary>The proactive engine on a fake clock, fake store, in-memory outbox and a recording sender.</summary>
internal sealed class ProactiveHarness
{
    public ProactiveHarness(IEnumerable<TrackedItem> items, IEnumerable<Person> people, DateOnly start, IEnumerable<Board>? boards = null)
    {
        Clock = new FakeTimeProvider(London.At(start, TimeOnly.MinValue));
        Store = new FakeStore(items, boards, people);
        Sender = new RecordingSender(Clock);
        Engine = NewEngine();
    }

    public FakeTimeProvider Clock { get; }
    public FakeStore Store { get; }
    public InMemoryOutboxStore Outbox { get; } = new();
    public RecordingSender Sender { get; }
    public ReminderPolicy Policy { get; } = new();
    public DispatcherOptions Options { get; set; } = new() { ConversationSpacing = TimeSpan.Zero, MaxInlineThrottleWait = TimeSpan.Zero };
    public ProactiveEngine Engine { get; private set; }

    /// <summary>What the engine writes planned rows through (default: the outbox itself); set before <see cref="Restart"/>.</summary>
    public Func<IOutboxStore, IOutboxStore>? EngineOutbox { get; set; }

    /// <summary>What the planner reads items through (default: the store itself); set before <see cref="Restart"/>.</summary>
    public Func<IItemStore, IItemStore>? PlannerItems { get; set; }

    /// <summary>The engine's per-tick limits; set before <see cref="Restart"/>.</summary>
    public ProactiveEngineOptions EngineOptions { get; set; } = new();

    /// <summary>While the engine is busy the host ticks again after this pause (as <c>Proactive:BusyTickInterval</c>).</summary>
    public TimeSpan BusyTickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Every tick's report, in order.</summary>
    public List<TickReport> Reports { get; } = [];

    public IReadOnlyList<RecordingSender.Sent> Sent => [.. Sender.Log];

    public ProactiveEngine NewEngine()
    {
        var planner = new ProactivePlanner(
            PlannerItems?.Invoke(Store) ?? Store, Store, Store, new HandlerDigestComposer(new DigestHandler(Store, Store)), Outbox, Policy);
        var dispatcher = new Dispatcher(Outbox, Store, Store, [Sender], Policy, Options, Clock);
        return new ProactiveEngine(planner, EngineOutbox?.Invoke(Outbox) ?? Outbox, dispatcher, Policy, Clock, EngineOptions);
    }

    /// <summary>A process restart: a fresh engine (no memory of what it planned) over the same store and outbox.</summary>
    public void Restart() => Engine = NewEngine();

    /// <summary>
    /// Ticks every <paramref name="step"/> (default 15 minutes) until London midnight starting <paramref name="until"/>;
    /// while the engine is busy, again after <see cref="BusyTickInterval"/> (as the host does).
    /// </summary>
    public Task RunUntilAsync(DateOnly until, TimeSpan? step = null) => RunUntilAsync(London.At(until, TimeOnly.MinValue), step);

    public async Task RunUntilAsync(DateTimeOffset until, TimeSpan? step = null)
    {
        while (Clock.GetUtcNow() < until)
        {
            await TickAsync(step);
        }
    }

    /// <summary>One tick, then the clock moves on as the host would wait (<paramref name="step"/> or the busy pause).</summary>
    public async Task<TickReport> TickAsync(TimeSpan? step = null)
    {
        var report = await Engine.TickAsync(CancellationToken.None);
        Reports.Add(report);
        Clock.Advance(report.Busy ? BusyTickInterval : step ?? TimeSpan.FromMinutes(15));
        return report;
    }

    public IReadOnlyList<RecordingSender.Sent> SentTo(string email) => Sent.Where(s => s.Recipient == email).ToList();

    public static DateTimeOffset LocalTime(RecordingSender.Sent s) => TimeZoneInfo.ConvertTime(s.At, London.Zone);
}
