using OversightBot.Core.Domain;

namespace OversightBot.Core.Language;

/// <summary>
/// Rule-based intent recognition over the phrasing oversight teams use, with UK dates resolved against "today".
/// Deterministic, allocation-light and linear in the input (non-backtracking patterns and a token scanner).
/// </summary>
public sealed class IntentRecognizer : IIntentRecognizer
{
    /// <summary>Longer inputs are cut: nobody asks a chat bot a 2,000-character question.</summary>
    public const int MaxLength = 2000;

    public Understanding Recognize(string text, DateOnly today)
    {
        var raw = text ?? "";
        if (raw.Length > MaxLength)
        {
            raw = raw[..MaxLength];
        }

        var clean = EntityExtractor.Normalize(raw);
        var lower = clean.ToLowerInvariant();
        var mentions = DateRecognizer.Recognize(clean, today).Where(m => !IsItemNotQuarter(clean, m)).ToList();
        var dates = new List<DateOnly>();
        var invalid = new List<string>();
        DateRange? range = null;
        foreach (var m in mentions)
        {
            if (m.Text.Equals("overdue", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (m.InvalidText is { } bad)
            {
                invalid.Add(bad);
                continue;
            }

            if (m.Date is { } d)
            {
                dates.Add(d);
            }
            else if (m.Type == "daterange" && m.Mod is "before" or "until" && m.EndIsDeadline && m.RangeEndExclusive is { } dl)
            {
                dates.Add(dl);
            }
            else if (m.Type == "daterange" && m.Mod is "before-end" && m.RangeEndExclusive is { } be)
            {
                dates.Add(be.AddDays(-1));
            }

            if (range is null && m.ToRange(today) is { } r)
            {
                // "next 14 days" starts tomorrow in datetimeV2; people asking what is due mean from today.
                range = r.Start == today.AddDays(1) && m.Text.Contains("next", StringComparison.OrdinalIgnoreCase) ? r with { Start = today } : r;
            }
        }

        // Cheap substring gates keep most patterns off most utterances.
        var hasDigit = clean.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        var ids = hasDigit ? EntityExtractor.ItemIds(clean, mentions) : [];
        var refs = hasDigit ? EntityExtractor.References(clean) : [];
        var entities = new Entities
        {
            ItemIds = ids,
            References = refs,
            Status = EntityExtractor.Status(lower),
            Dates = dates,
            InvalidDates = invalid,
            Reason = ids.Count > 0 ? EntityExtractor.ReasonOf(clean) : null,
            EvidenceLink = lower.Contains("http", StringComparison.Ordinal) ? EntityExtractor.EvidenceLink(clean) : null,
            Mine = EntityExtractor.IsMine(lower),
        };

        var intent = Classify(clean, lower, today, ref entities, ref range, mentions);
        return new Understanding(intent, range, entities);
    }

    private static Intent Classify(string clean, string lower, DateOnly today, ref Entities e, ref DateRange? range, IReadOnlyList<Dates.DateMention> mentions)
    {
        var id = e.ItemIds.Count > 0 ? e.ItemIds[0] : null;
        var question = id is not null && IntentRules.Question.Hit(lower);
        if (lower.Length == 0 || (id is null && (lower.Length <= 40 || lower.Contains("help", StringComparison.Ordinal)) && IntentRules.Help.Hit(lower)))
        {
            return new Help();
        }

        if (lower.Length <= 30 && IntentRules.More.Hit(lower))
        {
            return new MoreQuery();
        }

        if (Any(lower, "unsub", "opt out", "stop ", "no more", "turn off", "cancel", "don't send") && IntentRules.Unsubscribe.Hit(lower))
        {
            return new Unsubscribe();
        }

        if (Any(lower, "subscri", "sign me", "opt in", "send me", "every", "each") && IntentRules.Subscribe.Hit(lower))
        {
            return new Subscribe(Weekday(lower), SubscribeTime(lower));
        }

        if (id is not null && IntentRules.Snooze.Hit(lower))
        {
            return new Snooze(id, SnoozeUntil(lower, today, e.Dates, mentions));
        }

        if (id is not null && (!question || IntentRules.UpdateVerb.Hit(lower)) && IsUpdate(lower, e))
        {
            var note = Note(clean);
            var newDue = e.Dates.Count > 0 && (lower.Contains("move", StringComparison.Ordinal) || lower.Contains("date", StringComparison.Ordinal) || lower.Contains("deadline", StringComparison.Ordinal) || lower.Contains("extend", StringComparison.Ordinal) || lower.Contains("push", StringComparison.Ordinal) || lower.Contains(" to ", StringComparison.Ordinal))
                ? e.Dates[^1]
                : (DateOnly?)null;
            var reason = newDue is null ? null : e.Reason;
            var status = e.Status;
            if (e.EvidenceLink is not null || newDue is not null)
            {
                status = lower.Contains("mark", StringComparison.Ordinal) ? status : null;
            }

            e = e with { Note = note, Reason = reason };
            range = null;
            return new UpdateItem(id, status, note, newDue, reason, e.EvidenceLink);
        }

        // Entity patterns run only when the intent could use them: most utterances need one or two.
        var overdue = IntentRules.Overdue.Hit(lower);
        var ownerWords = IntentRules.OwnerWords.Hit(lower);
        var plain = WithoutDates(clean, mentions);
        var words = lower.StartsWith("the ", StringComparison.Ordinal) || IntentRules.StatusWords.Hit(lower) || !(overdue || ownerWords)
            ? EntityExtractor.ItemWords(plain)
            : null;
        var boards = IntentRules.Boards.Hit(lower);
        var board = boards ? EntityExtractor.BoardName(plain) : null;
        var owner = ownerWords || lower.Contains(" for ", StringComparison.Ordinal) || lower.Contains("'s ", StringComparison.Ordinal) || lower.Contains(" own", StringComparison.Ordinal)
            || lower.Contains("responsible", StringComparison.Ordinal) || lower.Contains(" by ", StringComparison.Ordinal) || lower.Contains(" to ", StringComparison.Ordinal)
            || lower.StartsWith("what ", StringComparison.Ordinal)
            ? EntityExtractor.Owner(plain)
            : null;
        e = e with { ItemWords = words, Owner = owner, Board = board };

        if (IntentRules.Digest.Hit(lower))
        {
            return new DigestQuery();
        }

        if (id is not null || e.References.Count > 0)
        {
            return new StatusQuery(id ?? e.References[0], null);
        }

        if (words is not null && !overdue && (lower.StartsWith("the ", StringComparison.Ordinal) || IntentRules.StatusWords.Hit(lower)) && !ownerWords)
        {
            return new StatusQuery(null, words);
        }

        if (boards && (board is not null || !overdue))
        {
            return new BoardsQuery(board);
        }

        if (overdue)
        {
            return new OverdueQuery();
        }

        if (IntentRules.Due.Hit(lower.Replace("due course", "", StringComparison.Ordinal)) || (range is not null && !ownerWords))
        {
            range ??= new DateRange(today, today.AddDays(13));
            return new DueQuery(range);
        }

        if (ownerWords || owner is not null)
        {
            var mine = e.Mine && owner is null;
            return new OwnerQuery(mine ? null : owner, mine);
        }

        if (words is not null)
        {
            return new StatusQuery(null, words);
        }

        return new Unknown(clean);
    }

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
            if (m.Start >= at)
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
