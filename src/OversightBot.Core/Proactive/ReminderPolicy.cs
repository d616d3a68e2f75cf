using OversightBot.Core.Domain;
using OversightBot.Core.Time;

namespace OversightBot.Core.Proactive;

/// <summary>
/// When proactive messages go out. Global defaults here; <see cref="Person.Preferences"/> overrides the
/// reminder offsets and the digest day/time per person.
/// </summary>
public sealed class ReminderPolicy
{
    /// <summary>Days before the due date on which the owner is nudged (0 = on the day).</summary>
    public List<int> OffsetsDays { get; set; } = [14, 7, 1, 0];

    /// <summary>While overdue, the owner is nudged this often.</summary>
    public int OverdueEveryDays { get; set; } = 7;

    /// <summary>The owner's manager is told once an item is this many days overdue...</summary>
    public int EscalateAfterDaysOverdue { get; set; } = 14;

    /// <summary>...and again this often after that.</summary>
    public int EscalateEveryDays { get; set; } = 7;

    /// <summary>Wall-clock time in Europe/London at which nudges are due.</summary>
    public TimeOnly SendAt { get; set; } = new(9, 0);

    /// <summary>No message leaves before this London time...</summary>
    public TimeOnly WindowStart { get; set; } = new(8, 0);

    /// <summary>...or at/after this one.</summary>
    public TimeOnly WindowEnd { get; set; } = new(18, 0);

    /// <summary>Send on England and Wales working days only; a nudge that falls on another day moves to the previous working day.</summary>
    public bool WorkingDaysOnly { get; set; } = true;

    /// <summary>The digest slot for subscribers who did not choose one.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    public TimeOnly DigestAt { get; set; } = new(9, 0);

    /// <summary>After a restart, slots this many days back are considered (only the latest per item is sent).</summary>
    public int CatchUpDays { get; set; } = 7;

    /// <summary>How often the planner re-reads the store within a day (item changes, new subscribers).</summary>
    public TimeSpan ReplanEvery { get; set; } = TimeSpan.FromMinutes(15);

    public WorkingDays Calendar { get; set; } = WorkingDays.EnglandAndWales;

    public IReadOnlyList<int> OffsetsFor(Person? person) =>
        person?.Preferences.ReminderOffsetsDays is { Count: > 0 } own ? own : OffsetsDays;

    /// <summary>The day a slot targeted at <paramref name="target"/> is actually sent.</summary>
    public DateOnly SendDay(DateOnly target) => WorkingDaysOnly ? Calendar.OnOrBefore(target) : target;

    /// <summary>The last target day whose send day is on or before <paramref name="today"/> (today, or the non-working days after it).</summary>
    public DateOnly LastTargetSentBy(DateOnly today) => WorkingDaysOnly ? Calendar.OnOrAfter(today.AddDays(1)).AddDays(-1) : today;

    public bool IsSendDay(DateOnly date) => !WorkingDaysOnly || Calendar.IsWorkingDay(date);

    /// <summary>True when a message may leave at <paramref name="instant"/>: a send day, inside the window.</summary>
    public bool MaySendAt(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, London.Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsSendDay(DateOnly.FromDateTime(local.DateTime)) && time >= WindowStart && time < WindowEnd;
    }

    /// <summary>The instant of <paramref name="time"/> on <paramref name="date"/> in London, kept inside the window.</summary>
    public DateTimeOffset InWindow(DateOnly date, TimeOnly time)
    {
        var t = time < WindowStart ? WindowStart : time;
        if (t >= WindowEnd)
        {
            t = WindowEnd.AddMinutes(-1);
        }

        return London.At(date, t);
    }}
