using OversightBot.Core.Domain;
using OversightBot.Core.Language.Dates;

namespace OversightBot.Core.Language;

/// <summary>
/// Clerks' commands in words: "add a new item: reply to Caroline Russell's letter by 1 December, owner Secretariat",
/// "LDB minutes published today", "the LCRB met on 5 March", "SSPB meeting scheduled for 14 November".
/// </summary>
internal static class ChatCommands
{
    private static readonly string[] AddLeads =
    [
        "add a new ", "add new ", "add an ", "add a ", "add ", "create a new ", "create new ", "create an ", "create a ", "create ",
        "new ", "log a new ", "log a ", "log an ", "track a new ", "track a ", "track an ", "raise a new ", "raise a ", "register a new ",
        "record a new ", "open a new ", "set up a new ",
    ];

    private static readonly string[] AddNouns =
    [
        "item", "recommendation", "action", "improvement action", "duty", "statutory duty", "deadline", "question", "mayor's question",
        "mq", "foi", "foi request", "freedom of information request", "request", "letter", "task", "obligation", "commitment",
    ];

    private static readonly string[] OwnerMarkers = [" owned by ", " owner is ", " owner: ", " owner ", " assigned to ", " for owner ", " responsible: ", " responsible is ", " lead: "];

    private static readonly string[] SourceMarkers = [" source: ", " source ", " from the ", " from ", " raised by ", " requested by ", " asked by "];

    /// <summary>An <see cref="AddItem"/> when the text asks to create an item, else null.</summary>
    public static AddItem? Add(string clean, string lower, IReadOnlyList<DateMention> mentions, IReadOnlyList<DateOnly> dates)
    {
        var t = lower.StartsWith("please ", StringComparison.Ordinal) ? 7 : lower.StartsWith("can you ", StringComparison.Ordinal) ? 8 : 0;
        var lead = AddLeads.FirstOrDefault(l => lower.AsSpan(t).StartsWith(l, StringComparison.Ordinal));
        if (lead is null)
        {
            return null;
        }

        var afterLead = t + lead.Length;
        var noun = AddNouns.OrderByDescending(n => n.Length).FirstOrDefault(n => lower.AsSpan(afterLead).StartsWith(n, StringComparison.Ordinal)
            && (afterLead + n.Length >= lower.Length || !char.IsLetter(lower[afterLead + n.Length]) || lower[afterLead + n.Length] == 's'));
        if (noun is null)
        {
            return null;
        }

        var bodyStart = afterLead + noun.Length;
        if (bodyStart < clean.Length && lower[bodyStart] == 's')
        {
            bodyStart++;
        }

        while (bodyStart < clean.Length && clean[bodyStart] is ' ' or ':' or ',' or '-' or '–' or ';')
        {
            bodyStart++;
        }

        foreach (var filler in new[] { "called ", "named ", "titled ", "for: " })
        {
            if (lower.AsSpan(Math.Min(bodyStart, lower.Length)).StartsWith(filler, StringComparison.Ordinal))
            {
                bodyStart += filler.Length;
            }
        }

        var body = clean[Math.Min(bodyStart, clean.Length)..];
        var bodyLower = " " + body.ToLowerInvariant() + " ";
        var cut = body.Length;
        string? owner = Segment(body, bodyLower, OwnerMarkers, ref cut);
        string? source = Segment(body, bodyLower, SourceMarkers, ref cut);
        var offset = clean.Length - body.Length;
        string? rule = null;
        DateOnly? due = null;
        foreach (var m in mentions)
        {
            if (m.Start < offset)
            {
                continue;
            }

            var at = m.Start - offset;
            var lead2 = at >= 4 && body.AsSpan(0, at).TrimEnd().EndsWith("by", StringComparison.OrdinalIgnoreCase) ? body.AsSpan(0, at).TrimEnd().Length - 2 : at;
            lead2 = at >= 4 && body.AsSpan(0, at).TrimEnd().EndsWith("due", StringComparison.OrdinalIgnoreCase) ? body.AsSpan(0, at).TrimEnd().Length - 3 : lead2;
            cut = Math.Min(cut, Math.Max(0, lead2));
            if (m.Date is { } d)
            {
                due = d;
            }
            else if (m.Type == "daterange" && m.RangeEndExclusive is { } e)
            {
                due = m.EndIsDeadline ? e : e.AddDays(-1);
            }
            else
            {
                rule = m.Text;
            }
        }

        due ??= dates.Count > 0 && mentions.Count == 0 ? dates[^1] : null;
        var title = body[..Math.Min(cut, body.Length)].Trim().TrimEnd(',', ';', '.', '-', ' ').Trim();
        if (title.StartsWith("due ", StringComparison.OrdinalIgnoreCase))
        {
            title = "";
        }

        var (kind, subKind) = KindOf(noun, lower);
        return new AddItem(title.Length > 0 ? title : null, owner, due, rule, kind, subKind, source, clean);
    }

    /// <summary>The text after the first marker up to the next comma or marker; moves <paramref name="cut"/> to the marker.</summary>
    private static string? Segment(string body, string bodyLower, string[] markers, ref int cut)
    {
        foreach (var marker in markers)
        {
            var at = bodyLower.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var start = at + marker.Length - 1;
            var end = body.Length;
            foreach (var stop in new[] { ",", ";", " by ", " due ", " owner", " owned by ", " source", " from ", " assigned to " })
            {
                var s = bodyLower.IndexOf(stop, start + 1, StringComparison.Ordinal);
                if (s > 0 && s - 1 < end)
                {
                    end = s - 1;
                }
            }

            if (start >= Math.Min(end, body.Length))
            {
                continue;
            }

            var value = body[start..Math.Min(end, body.Length)].Trim().Trim('.', ',', ':').Trim();
            if (value.Length == 0)
            {
                continue;
            }

            cut = Math.Min(cut, Math.Max(0, at - 1));
            return value;
        }

        return null;
    }

    private static (ItemKind?, string?) KindOf(string noun, string lower) => noun switch
    {
        "recommendation" => (ItemKind.Recommendation, null),
        "action" or "improvement action" or "task" or "commitment" => (ItemKind.ImprovementAction, null),
        "duty" or "statutory duty" or "obligation" => (ItemKind.StatutoryDuty, null),
        "mayor's question" or "mq" => (ItemKind.Question, "MQ"),
        "foi" or "foi request" or "freedom of information request" => (ItemKind.Question, "FOI"),
        "letter" => (ItemKind.Question, "Letter"),
        "question" or "request" => (ItemKind.Question, null),
        _ => lower.Contains("letter", StringComparison.Ordinal) ? (ItemKind.Question, "Letter")
            : lower.Contains("recommend", StringComparison.Ordinal) ? (ItemKind.Recommendation, null) : (null, null),
    };

    private static readonly string[] QuestionStarts = ["has ", "have ", "did ", "is ", "are ", "was ", "were ", "when ", "what ", "which ", "who ", "how ", "why ", "where ", "does ", "do ", "can ", "could ", "will ", "any "];

    /// <summary>A <see cref="RecordBoard"/> when the text states a board's meeting or publication, else null.</summary>
    public static RecordBoard? Record(string clean, string lower, IReadOnlyList<DateMention> mentions, string? board)
    {
        var t = lower.TrimEnd('.', '!', ' ');
        var told = false;
        foreach (var lead in new[] { "please record that ", "record that ", "log that ", "note that ", "record: ", "record ", "fyi " })
        {
            if (t.StartsWith(lead, StringComparison.Ordinal))
            {
                t = t[lead.Length..];
                told = true;
                break;
            }
        }

        if (lower.TrimEnd().EndsWith('?') || (!told && QuestionStarts.Any(q => t.StartsWith(q, StringComparison.Ordinal))))
        {
            return null;
        }

        var words = FilterWords.Words(t);
        var publication = PublicationOf(t, words);
        var published = words.Any(w => w is "published" or "uploaded" or "posted" or "online" or "up" or "live" or "publish" or "went") || t.Contains("put up", StringComparison.Ordinal);
        var held = words.Any(w => w is "met" or "held" or "took" or "happened" or "convened");
        var scheduled = words.Any(w => w is "scheduled" or "arranged" or "planned" or "booked" or "fixed" or "will" or "meets" or "next") || t.Contains("is meeting", StringComparison.Ordinal);
        BoardEvent? ev = publication is not null && published ? BoardEvent.Published
            : held ? BoardEvent.MeetingHeld
            : scheduled && (words.Contains("meeting") || words.Contains("meet") || words.Contains("meets")) ? BoardEvent.MeetingScheduled
            : null;
        if (ev is null || (board is null && !told))
        {
            return null;
        }

        var dated = mentions.Where(m => m.Date is not null).ToList();
        DateOnly? date = dated.Count > 0 ? dated[^1].Date : null;
        DateOnly? meeting = null;
        if (dated.Count >= 2)
        {
            var meetingMention = dated.FirstOrDefault(m => lower[..m.Start].TrimEnd().EndsWith("of the", StringComparison.Ordinal) || lower[..m.Start].TrimEnd().EndsWith("for the", StringComparison.Ordinal)
                || lower[m.End..].TrimStart().StartsWith("meeting", StringComparison.Ordinal)) ?? dated[0];
            meeting = meetingMention.Date;
            date = dated.First(m => !ReferenceEquals(m, meetingMention)).Date;
        }

        return new RecordBoard(board, ev.Value, ev == BoardEvent.Published ? publication : null, date, meeting, clean);
    }

    private static PublicationKind? PublicationOf(string t, List<string> words)
    {
        if (t.Contains("terms of reference", StringComparison.Ordinal) || words.Contains("tor") || words.Contains("tors"))
        {
            return PublicationKind.TermsOfReference;
        }

        if (words.Contains("minutes"))
        {
            return PublicationKind.Minutes;
        }

        if (words.Contains("agenda") || words.Contains("agendas"))
        {
            return PublicationKind.Agenda;
        }

        if (words.Contains("papers") || words.Contains("paper") || words.Contains("pack"))
        {
            return PublicationKind.Papers;
        }

        return words.Contains("membership") || words.Contains("members") ? PublicationKind.Membership : null;
    }
}
