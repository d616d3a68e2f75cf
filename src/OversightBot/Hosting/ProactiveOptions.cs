using System.ComponentModel.DataAnnotations;
using OversightBot.Core.Proactive;

namespace OversightBot.Hosting;

/// <summary>Settings section "Proactive": the scheduler, the dispatcher and the global reminder policy.</summary>
public sealed class ProactiveOptions
{
    public const string Section = "Proactive";

    /// <summary>Run the scheduler in <c>serve</c>.</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Planning and outbox writing per tick stop after about this long; the rest goes in the next ticks.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan TickBudget { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The pause before the next tick while a plan or planned rows remain (instead of <see cref="TickInterval"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan BusyTickInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1_000;

    [Range(1, 1_000)]
    public int MaxConcurrency { get; set; } = 32;

    public TimeSpan ConversationSpacing { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Days before the due date to nudge; empty = the built-in 14, 7, 1, 0 (lists bind by appending, so no default here).</summary>
    public List<int> ReminderOffsetsDays { get; set; } = [];
    public int OverdueEveryDays { get; set; } = 7;
    public int EscalateAfterDaysOverdue { get; set; } = 14;
    public int EscalateEveryDays { get; set; } = 7;
    public TimeOnly SendAt { get; set; } = new(9, 0);
    public TimeOnly WindowStart { get; set; } = new(8, 0);
    public TimeOnly WindowEnd { get; set; } = new(18, 0);
    public bool WorkingDaysOnly { get; set; } = true;
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;
    public TimeOnly DigestAt { get; set; } = new(9, 0);

    [Range(1, 60)]
    public int CatchUpDays { get; set; } = 7;

    /// <summary>
    /// Delivered, cancelled and recipient-gone outbox rows are deleted this many days after they ended (dead rows are
    /// kept for an admin). At least 75: longer than the longest catch-up, so a deleted message is never planned again.
    /// </summary>
    [Range(75, 36_500)]
    public int KeepEndedDays { get; set; } = 90;

    public TimeSpan ReplanEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Development and test only: the web chat inbox waits this long before storing each message, imitating a slow
    /// channel (used by the crash test). Leave at 0 in production.
    /// </summary>
    [Range(0, 60_000)]
    public int DevInboxDelayMs { get; set; }

    public ReminderPolicy ToPolicy() => new()
    {
        OffsetsDays = ReminderOffsetsDays.Count > 0 ? [.. ReminderOffsetsDays.Distinct()] : new ReminderPolicy().OffsetsDays,
        OverdueEveryDays = OverdueEveryDays,
        EscalateAfterDaysOverdue = EscalateAfterDaysOverdue,
        EscalateEveryDays = EscalateEveryDays,
        SendAt = SendAt,
        WindowStart = WindowStart,
        WindowEnd = WindowEnd,
        WorkingDaysOnly = WorkingDaysOnly,
        DigestDay = DigestDay,
        DigestAt = DigestAt,
        CatchUpDays = CatchUpDays,
        ReplanEvery = ReplanEvery,
    };

    public ProactiveEngineOptions ToEngine() => new() { TickBudget = TickBudget, KeepEnded = TimeSpan.FromDays(KeepEndedDays) };

    public DispatcherOptions ToDispatcher() => new()
    {
        Lease = Lease,
        BatchSize = BatchSize,
        MaxConcurrency = MaxConcurrency,
        ConversationSpacing = ConversationSpacing,
        Retry = new OutboxRetryPolicy { MaxAttempts = MaxAttempts },
    };
}
