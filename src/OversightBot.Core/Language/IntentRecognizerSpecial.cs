using OversightBot.Core.Domain;

namespace OversightBot.Core.Language;

/// <summary>Questions and commands about one named thing: its history, an update in words, its deadline, owner or age.</summary>
public sealed partial class IntentRecognizer
{
    private static readonly string[] MoveLeads =
    [
        "please move ", "please extend ", "move ", "push back ", "push ", "extend ", "change ", "defer ", "postpone ", "put back ",
        "bring forward ", "reschedule ", "slip ", "set ", "revise ", "can we move ", "can we extend ", "could we move ",
    ];

    private static readonly string[] DateOfLeads =
    [
        "the due date of ", "the due date for ", "the due date on ", "the deadline of ", "the deadline for ", "the deadline on ",
        "the date of ", "the date for ", "due date of ", "due date for ", "deadline for ", "deadline of ", "the target date for ",
    ];

    private static Intent? Special(string plainLower, string? idOrRef, string clean, Entities e, ref DateRange? range)
    {
        if (ItemQuestions.History(plainLower) is { } h)
        {
            var words = idOrRef is null ? ItemQuestions.Thing(h) : null;
            if (idOrRef is not null || words is not null)
            {
                range = null;
                return new HistoryQuery(idOrRef, words);
            }
        }

        if (idOrRef is null && UpdateByWords(clean, e) is { } update)
        {
            range = null;
            return update;
        }

        if (ItemQuestions.Find(plainLower) is { } q)
        {
            if (idOrRef is not null)
            {
                range = null;
                return new StatusQuery(idOrRef, null, q.Aspect);
            }

            if (range is null || q.Aspect != ItemAspect.Due)
            {
                range = null;
                return new StatusQuery(null, q.Words, q.Aspect);
            }
        }

        return null;
    }

    /// <summary>"move the due date of the HMICFRS comments to 31 March because …", "mark the PEEL comments done", "note on X: …".</summary>
    private static UpdateItem? UpdateByWords(string clean, Entities e)
    {
        var lower = clean.ToLowerInvariant();
        var lead = MoveLeads.FirstOrDefault(l => lower.StartsWith(l, StringComparison.Ordinal));
        if (lead is not null && e.Dates.Count > 0)
        {
            var body = lower[lead.Length..];
            var (dateAt, newDue) = FirstDate(lower, lead.Length);
            if (dateAt > lead.Length)
            {
                body = lower[lead.Length..dateAt];
            }

            body = DateOfLeads.FirstOrDefault(d => body.StartsWith(d, StringComparison.Ordinal)) is { } dl ? body[dl.Length..] : body;
            foreach (var tail in new[] { " back to", " forward to", " to", " until", " till", " by", " on" })
            {
                if (body.TrimEnd().EndsWith(tail, StringComparison.Ordinal))
                {
                    body = body.TrimEnd()[..^tail.Length];
                    break;
                }
            }

            return ItemQuestions.Thing(body) is { } thing
                ? new UpdateItem("", null, null, newDue ?? e.Dates[^1], e.Reason, null) { Words = thing }
                : null;
        }

        if (lower.StartsWith("mark ", StringComparison.Ordinal) && e.Status is { } status)
        {
            var body = lower[5..];
            var cut = new[] { " as ", " done", " complete", " in progress", " closed", " finished", " withdrawn", " not accepted", " open", " implemented" }
                .Select(c => body.IndexOf(c, StringComparison.Ordinal)).Where(n => n > 0).DefaultIfEmpty(-1).Min();
            return cut > 0 && ItemQuestions.Thing(body[..cut]) is { } thing
                ? new UpdateItem("", status, Note(clean), null, null, null) { Words = thing }
                : null;
        }

        var colon = clean.IndexOf(':', StringComparison.Ordinal);
        foreach (var noteLead in new[] { "note on ", "note for ", "update on ", "add a note to ", "add a note on ", "progress on " })
        {
            if (colon > noteLead.Length && lower.StartsWith(noteLead, StringComparison.Ordinal) && ItemQuestions.Thing(lower[noteLead.Length..colon]) is { } thing && Note(clean) is { } note)
            {
                return new UpdateItem("", null, note, null, null, null) { Words = thing };
            }
        }

        return null;
    }

    /// <summary>Where the new date starts (the first date written after the verb) and the day it names.</summary>
    private static (int At, DateOnly? Date) FirstDate(string lower, int from)
    {
        foreach (var m in DateRecognizer.Recognize(lower, new DateOnly(2000, 1, 1)))
        {
            if (m.Start >= from && m.Type is "date" or "daterange")
            {
                return (m.Start, null);
            }
        }

        return (-1, null);
    }

    /// <summary>An owner phrase that is really part of the question ("how many mayor" of "how many mayor's questions").</summary>
    private static string? Sane(string? owner)
    {
        if (owner is null)
        {
            return null;
        }

        var words = FilterWords.Words(owner.ToLowerInvariant());
        return words.Count == 0 || words.Any(w => w is "how" or "many" or "what" or "which" or "list" or "show" or "all" or "whats" or "what's")
            || words[^1] is "mayor" or "mayors" or "mayor's"
            ? null
            : owner;
    }

    private static bool IsList(ItemFilter f) =>
        f.Kind is not null || f.SubKind is not null || f.Status != StatusFilter.Default || f.Rag is not null || f.On != DateField.Due || f.Theme is not null;
}

/// <summary>Questions that ask for figures: counts, on-time rates, time taken.</summary>
internal static class Stats
{
    /// <summary>"on-time", "time-taken", "count" or "summary"; null when the question asks for no figures.</summary>
    public static string? Measure(string lower, bool overdue)
    {
        var onTime = lower.Contains("on time", StringComparison.Ordinal) || lower.Contains("on-time", StringComparison.Ordinal) || lower.Contains("in time", StringComparison.Ordinal)
            || lower.Contains("within the deadline", StringComparison.Ordinal) || lower.Contains("within deadline", StringComparison.Ordinal);
        var words = FilterWords.Words(lower);
        var figures = words.Any(w => w is "statistics" or "statistic" or "figures" or "figure" or "performance" or "percentage" or "proportion" or "percent");
        var rate = figures || words.Any(w => w is "rate" or "rates") || lower.Contains('%', StringComparison.Ordinal) || lower.Contains("per cent", StringComparison.Ordinal)
            || lower.Contains("how many", StringComparison.Ordinal) || lower.Contains("how often", StringComparison.Ordinal) || lower.Contains("share of", StringComparison.Ordinal)
            || lower.Contains("record on", StringComparison.Ordinal);
        if (onTime && rate)
        {
            return "on-time";
        }

        if (lower.Contains("average time", StringComparison.Ordinal) || lower.Contains("time taken", StringComparison.Ordinal) || lower.Contains("how quickly", StringComparison.Ordinal)
            || lower.Contains("how fast", StringComparison.Ordinal) || lower.Contains("turnaround", StringComparison.Ordinal) || lower.Contains("response time", StringComparison.Ordinal)
            || lower.Contains("on average", StringComparison.Ordinal) || lower.Contains("average age", StringComparison.Ordinal))
        {
            return "time-taken";
        }

        if (figures || (rate && !lower.Contains("how many", StringComparison.Ordinal) && !lower.Contains("how often", StringComparison.Ordinal)))
        {
            return "summary";
        }

        var count = lower.StartsWith("how many", StringComparison.Ordinal) || lower.Contains("number of", StringComparison.Ordinal) || lower.StartsWith("count ", StringComparison.Ordinal)
            || lower.Contains("total number", StringComparison.Ordinal) || lower.Contains("how many", StringComparison.Ordinal);
        return count && !overdue ? "count" : null;
    }
}
