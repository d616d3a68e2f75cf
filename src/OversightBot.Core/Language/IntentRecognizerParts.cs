using OversightBot.Core.Domain;

namespace OversightBot.Core.Language;

/// <summary>Helpers of the intent recognizer: dates cut out of text, subscription times, snooze ends, notes.</summary>
public sealed partial class IntentRecognizer
{
    /// <summary>The text with its date expressions cut out, so "for Olivia Officer this week" names Olivia Officer.</summary>
    private static string WithoutDates(string clean, IReadOnlyList<Dates.DateMention> mentions)
    {
        if (mentions.Count == 0)
        {
            return clean;
        }

        var sb = new System.Text.StringBuilder(clean.Length);
        var at = 0;
        foreach (var m in mentions)
        {
            if (m.Start >= at && m.Type != "set" && !m.Text.Equals("overdue", StringComparison.OrdinalIgnoreCase))
            {
                sb.Append(clean, at, m.Start - at);
                at = m.End;
            }
        }

        sb.Append(clean, at, clean.Length - at);
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(" ?", "?", StringComparison.Ordinal);
    }

    /// <summary>"status of Q3" means item Q-3; "due in Q3" means the quarter.</summary>
    private static bool IsItemNotQuarter(string clean, Dates.DateMention m)
    {
        if (m.Text.Length != 2 || m.Text[0] is not ('q' or 'Q'))
        {
            return false;
        }

        var before = clean.AsSpan(0, m.Start).TrimEnd();
        var sp = before.LastIndexOf(' ');
        var word = (sp < 0 ? before : before[(sp + 1)..]).ToString().ToLowerInvariant();
        if (word == "of" && sp > 0)
        {
            var rest = before[..sp].TrimEnd();
            var sp2 = rest.LastIndexOf(' ');
            word = (sp2 < 0 ? rest : rest[(sp2 + 1)..]).ToString().ToLowerInvariant() is "end" or "start" or "beginning" or "middle" ? "of" : "item";
        }

        return word is not ("in" or "during" or "for" or "by" or "of" or "this" or "next" or "last" or "until" or "before" or "after" or "from" or "to" or "and" or "since" or "end");
    }

    private static bool Any(string lower, params string[] parts)
    {
        foreach (var p in parts)
        {
            if (lower.Contains(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUpdate(string lower, Entities e) =>
        e.Status is not null || e.EvidenceLink is not null || lower.Contains(':', StringComparison.Ordinal) || IntentRules.UpdateVerb.Hit(lower)
        || (e.Dates.Count > 0 && (lower.Contains("move", StringComparison.Ordinal) || lower.Contains("new date", StringComparison.Ordinal)));

    private static string? Note(string clean)
    {
        var colon = clean.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && !clean[..colon].Contains("http", StringComparison.OrdinalIgnoreCase) && colon + 1 < clean.Length)
        {
            var note = clean[(colon + 1)..].Trim();
            return note.Length > 0 ? note : null;
        }

        return null;
    }

    private static DayOfWeek? Weekday(string lower)
    {
        foreach (var d in Enum.GetValues<DayOfWeek>())
        {
            if (EntityExtractor.HasWord(lower, d.ToString().ToLowerInvariant()) || EntityExtractor.HasWord(lower, d.ToString().ToLowerInvariant() + "s"))
            {
                return d;
            }
        }

        return null;
    }

    private static TimeOnly? SubscribeTime(string lower)
    {
        var m = IntentRules.SubscribeTime.SafeMatch(lower);
        if (!m.Success)
        {
            return null;
        }

        var h = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var min = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (m.Groups[3].Value == "pm" && h < 12)
        {
            h += 12;
        }

        return h is >= 0 and < 24 && min is >= 0 and < 60 ? new TimeOnly(h, min) : null;
    }

    private static DateOnly SnoozeUntil(string lower, DateOnly today, IReadOnlyList<DateOnly> dates, IReadOnlyList<Dates.DateMention> mentions)
    {
        if (dates.Count > 0)
        {
            return dates[^1];
        }

        foreach (var m in mentions)
        {
            if (m.Type == "duration" && m.Timex is { } t && t.StartsWith('P') && !t.StartsWith("PT", StringComparison.Ordinal))
            {
                return DeadlineResolver.AddPeriod(today, t) ?? today.AddDays(7);
            }

            if (m.RangeStart is { } s && s > today)
            {
                return s;
            }
        }

        return lower.Contains("month", StringComparison.Ordinal) ? today.AddMonths(1) : today.AddDays(7);
    }
}
