using System.Globalization;
using OversightBot.Core.Domain;

namespace OversightBot.Core.Proactive;

/// <summary>A moment a message is owed: the day it is sent, its deterministic key stem and what it says.</summary>
public sealed record Slot(DateOnly SendDay, string Key, DateOnly Due, int? OffsetDays, int? WeeksOverdue);

/// <summary>Pure slot arithmetic: for an item and a window of days, the latest nudge or escalation owed.</summary>
public static class NudgeSlots
{
    /// <summary>The latest owner nudge (before, on or after the due date) whose send day is in [from, today].</summary>
    public static Slot? LatestOwnerSlot(TrackedItem item, IReadOnlyList<int> offsets, DateOnly from, DateOnly today, ReminderPolicy policy)
    {
        Slot? best = null;
        foreach (var due in Occurrences(item, from, today))
        {
            foreach (var o in offsets.Where(o => o >= 0).OrderByDescending(o => o))
            {
                var send = policy.SendDay(due.AddDays(-o));
                if (send >= from && send <= today && (best is null || send >= best.SendDay))
                {
                    best = new Slot(send, $"nudge:{item.Id}:{Iso(due)}:{o}", due, o, null);
                }
            }
        }

        if (item.Recurrence == Recurrence.None && item.Due is { } d && policy.OverdueEveryDays > 0)
        {
            var overdue = LatestPeriodic(d, policy.OverdueEveryDays, policy.OverdueEveryDays, from, today, policy);
            if (overdue is { } o && (best is null || o.Send > best.SendDay))
            {
                var weeks = (o.Target.DayNumber - d.DayNumber) / 7;
                best = new Slot(o.Send, $"overdue:{item.Id}:{Iso(d)}:{o.Index}", d, null, weeks);
            }
        }

        return best;
    }

    /// <summary>The latest escalation (to the owner's manager) whose send day is in [from, today].</summary>
    public static Slot? LatestEscalation(TrackedItem item, DateOnly from, DateOnly today, ReminderPolicy policy)
    {
        if (item.Recurrence != Recurrence.None || item.Due is not { } d || policy.EscalateEveryDays <= 0)
        {
            return null;
        }

        var slot = LatestPeriodic(d, policy.EscalateAfterDaysOverdue, policy.EscalateEveryDays, from, today, policy);
        return slot is { } s
            ? new Slot(s.Send, $"escalate:{item.Id}:{IsoWeek(s.Target)}", d, null, (s.Target.DayNumber - d.DayNumber) / 7)
            : null;
    }

    /// <summary>Targets start + first + every×k (k ≥ 0); the latest whose send day is in [from, today].</summary>
    public static (DateOnly Target, DateOnly Send, int Index)? LatestPeriodic(DateOnly start, int first, int every, DateOnly from, DateOnly today, ReminderPolicy policy)
    {
        var firstTarget = start.AddDays(first);
        var lastTarget = policy.LastTargetSentBy(today);
        if (firstTarget > lastTarget)
        {
            return null;
        }

        var k = (lastTarget.DayNumber - firstTarget.DayNumber) / every;
        for (; k >= 0; k--)
        {
            var target = firstTarget.AddDays(every * k);
            var send = policy.SendDay(target);
            if (send < from)
            {
                return null;
            }

            if (send <= today)
            {
                return (target, send, k + 1);
            }
        }

        return null;
    }

    /// <summary>The due dates to consider: the due date, or for a recurring item the occurrences near the window.</summary>
    public static IEnumerable<DateOnly> Occurrences(TrackedItem item, DateOnly from, DateOnly today)
    {
        if (item.Due is not { } first)
        {
            yield break;
        }

        if (item.Recurrence == Recurrence.None)
        {
            yield return first;
            yield break;
        }

        var months = item.Recurrence switch { Recurrence.Monthly => 1, Recurrence.Quarterly => 3, _ => 12 };
        var horizon = today.AddDays(400);
        for (var n = 0; n < 2000; n++)
        {
            var due = first.AddMonths(months * n);
            if (due > horizon)
            {
                yield break;
            }

            if (due >= from)
            {
                yield return due;
            }
        }
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string IsoWeek(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}";
    }
}
