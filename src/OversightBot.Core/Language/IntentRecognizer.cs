using OversightBot.Core.Domain;

namespace OversightBot.Core.Language;

/// <summary>
/// Rule-based intent recognition over the phrasing oversight teams use, with UK dates resolved against "today".
/// Deterministic, allocation-light and linear in the input (non-backtracking patterns and a token scanner).
/// </summary>
public sealed partial class IntentRecognizer : IIntentRecognizer
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

        var clean = TextRepair.Repair(EntityExtractor.Normalize(raw));
        var lower = clean.ToLowerInvariant();
        var mentions = DateRecognizer.Recognize(clean, today).Where(m => !IsItemNotQuarter(clean, m)).ToList();
        var (dates, invalid, vague, range) = Read(mentions, today);

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
            VagueDates = vague,
            Reason = ids.Count > 0 || dates.Count > 0 ? EntityExtractor.ReasonOf(clean) : null,
            EvidenceLink = lower.Contains("http", StringComparison.Ordinal) ? EntityExtractor.EvidenceLink(clean) : null,
            Mine = EntityExtractor.IsMine(lower),
        };

        var intent = Classify(clean, lower, today, ref entities, ref range, mentions);
        return new Understanding(intent, range, entities);
    }

    private static (List<DateOnly> Dates, List<string> Invalid, List<string> Vague, DateRange? Range) Read(List<Dates.DateMention> mentions, DateOnly today)
    {
        var dates = new List<DateOnly>();
        var invalid = new List<string>();
        var vague = new List<string>();
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

            if (m.Type == "unresolved" || (m.Type == "daterange" && m.RangeStart is null && m.RangeEndExclusive is null))
            {
                vague.Add(m.Text);
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
                range = Usable(m, r, today);
            }
        }

        return (dates, invalid, vague, range);
    }

    /// <summary>
    /// The range a question means: "next 14 days" from today; "by the end of February" asked after it ended is that
    /// day; an open start ("before 1 March" asked later) is the month before its end, never the year 1.
    /// </summary>
    private static DateRange Usable(Dates.DateMention m, DateRange r, DateOnly today)
    {
        if (r.Start == today.AddDays(1) && m.Text.Contains("next", StringComparison.OrdinalIgnoreCase))
        {
            return r with { Start = today };
        }

        if (m.Mod is "end" && m.RangeEndExclusive is { } e && m.Text.Contains("end of", StringComparison.OrdinalIgnoreCase))
        {
            return new DateRange(e.AddDays(-1), e.AddDays(-1));
        }

        if (r.Start == DateOnly.MinValue)
        {
            return m.Mod is "before-end" ? new DateRange(r.End, r.End) : new DateRange(r.End.AddMonths(-1).AddDays(1), r.End);
        }

        return r;
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

        if (id is null && ChatCommands.Add(clean, lower, mentions, e.Dates) is { } add)
        {
            range = null;
            return add;
        }

        // Entity patterns run only when the intent could use them: most utterances need one or two.
        var overdue = IntentRules.Overdue.Hit(lower);
        var ownerWords = IntentRules.OwnerWords.Hit(lower);
        var plain = WithoutDates(clean, mentions);
        var plainLower = plain.ToLowerInvariant();
        var words = lower.StartsWith("the ", StringComparison.Ordinal) || IntentRules.StatusWords.Hit(lower) || !(overdue || ownerWords)
            ? EntityExtractor.ItemWords(plain)
            : null;
        var boards = IntentRules.Boards.Hit(lower);
        var board = boards || id is null ? EntityExtractor.BoardName(plain) : null;
        var owner = ownerWords || lower.Contains(" for ", StringComparison.Ordinal) || lower.Contains("'s ", StringComparison.Ordinal) || lower.Contains(" own", StringComparison.Ordinal)
            || lower.Contains("responsible", StringComparison.Ordinal) || lower.Contains(" by ", StringComparison.Ordinal) || lower.Contains(" to ", StringComparison.Ordinal)
            || lower.StartsWith("what ", StringComparison.Ordinal) || lower.Contains(" from ", StringComparison.Ordinal)
            ? Sane(EntityExtractor.Owner(plain))
            : null;
        e = e with { ItemWords = words, Owner = owner, Board = boards ? board : null };

        if (id is null && e.References.Count == 0 && ChatCommands.Record(clean, lower, mentions, board) is { } record)
        {
            range = null;
            e = e with { Board = board };
            return record;
        }

        if (Special(plainLower, id ?? (e.References.Count > 0 ? e.References[0] : null), clean, e, ref range) is { } special)
        {
            return special;
        }

        var filter = FilterWords.Read(plainLower, owner, range);
        if (Stats.Measure(lower, overdue) is { } measure)
        {
            return new StatsQuery(filter with { Owner = null, Status = StatusFilter.Default }, measure);
        }

        if (IntentRules.Digest.Hit(lower))
        {
            return new DigestQuery();
        }

        if (id is not null || e.References.Count > 0)
        {
            return new StatusQuery(id ?? e.References[0], null);
        }

        if (words is not null && ItemQuestions.Thing(words) is null)
        {
            words = null;
            e = e with { ItemWords = null };
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
            var f = filter with { Range = null, Rag = filter.Rag == RagColour.Red ? null : filter.Rag, Status = StatusFilter.Default };
            return new OverdueQuery(f.IsEmpty ? null : f);
        }

        var due = IntentRules.Due.Hit(lower.Replace("due course", "", StringComparison.Ordinal));
        if (filter.On == DateField.Due && (due || (range is not null && !ownerWords && !IsList(filter))))
        {
            range ??= new DateRange(today, today.AddDays(13));
            var f = filter with { Range = null, Status = filter.Status == StatusFilter.Open ? StatusFilter.Default : filter.Status };
            return new DueQuery(range, f.IsEmpty ? null : f);
        }

        if (IsList(filter) && !(ownerWords && filter.Kind is null && filter.SubKind is null && filter.Status == StatusFilter.Default))
        {
            return new ListQuery(filter);
        }

        if (ownerWords || owner is not null || filter.Scope is Scope.Team or Scope.Directorate)
        {
            var mine = (e.Mine || filter.Scope != Scope.None) && owner is null;
            return new OwnerQuery(mine ? null : owner, mine) { Scope = filter.Scope is Scope.Team or Scope.Directorate ? filter.Scope : Scope.None };
        }

        if (words is not null)
        {
            return new StatusQuery(null, words);
        }

        return new Unknown(clean);
    }
}
