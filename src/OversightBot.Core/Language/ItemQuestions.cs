namespace OversightBot.Core.Language;

/// <summary>
/// Questions about one named thing: "when is the reply to the committee letter due?", "deadline for the PEEL
/// comments", "who owns the Black Thrive review?", "how long has MQ 1844 been outstanding?", "where are we with the
/// partnership boards overview?", "history of R-7". Returns the words naming the thing and what is asked.
/// </summary>
internal static class ItemQuestions
{
    private static readonly (string Lead, ItemAspect Aspect, string[]? Until)[] Leads =
    [
        ("when do we need to ", ItemAspect.Due, null), ("when do we have to ", ItemAspect.Due, null), ("when must we ", ItemAspect.Due, null),
        ("when should we ", ItemAspect.Due, null), ("when do i need to ", ItemAspect.Due, null), ("when does mopac need to ", ItemAspect.Due, null),
        ("when do we ", ItemAspect.Due, null), ("when's the deadline for ", ItemAspect.Due, null), ("when is the deadline for ", ItemAspect.Due, null),
        ("what's the deadline for ", ItemAspect.Due, null), ("what is the deadline for ", ItemAspect.Due, null), ("what's the due date for ", ItemAspect.Due, null),
        ("what is the due date for ", ItemAspect.Due, null), ("what's the due date of ", ItemAspect.Due, null), ("what is the due date of ", ItemAspect.Due, null),
        ("deadline for ", ItemAspect.Due, null), ("deadline on ", ItemAspect.Due, null), ("deadline of ", ItemAspect.Due, null),
        ("due date for ", ItemAspect.Due, null), ("due date of ", ItemAspect.Due, null), ("target date for ", ItemAspect.Due, null),
        ("timescale for ", ItemAspect.Due, null), ("timescales for ", ItemAspect.Due, null), ("the deadline for ", ItemAspect.Due, null),
        ("who is responsible for ", ItemAspect.Owner, null), ("who's responsible for ", ItemAspect.Owner, null), ("who is in charge of ", ItemAspect.Owner, null),
        ("who's in charge of ", ItemAspect.Owner, null), ("who leads on ", ItemAspect.Owner, null), ("who is leading on ", ItemAspect.Owner, null),
        ("who is dealing with ", ItemAspect.Owner, null), ("who's dealing with ", ItemAspect.Owner, null), ("who is handling ", ItemAspect.Owner, null),
        ("who's handling ", ItemAspect.Owner, null), ("who is working on ", ItemAspect.Owner, null), ("who's working on ", ItemAspect.Owner, null),
        ("who is the owner of ", ItemAspect.Owner, null), ("who's the owner of ", ItemAspect.Owner, null), ("who owns ", ItemAspect.Owner, null),
        ("who has ", ItemAspect.Owner, null), ("who's got ", ItemAspect.Owner, null), ("whose is ", ItemAspect.Owner, null), ("owner of ", ItemAspect.Owner, null),
        ("who should i ask about ", ItemAspect.Owner, null), ("who do i ask about ", ItemAspect.Owner, null), ("who leads ", ItemAspect.Owner, null),
        ("how long has ", ItemAspect.Age, [" been"]), ("how long have ", ItemAspect.Age, [" been"]), ("how many days has ", ItemAspect.Age, [" been"]),
        ("how many days have ", ItemAspect.Age, [" been"]), ("how long did ", ItemAspect.Age, [" take"]), ("how long was ", ItemAspect.Age, [" outstanding", " open"]),
        ("how old is ", ItemAspect.Age, null), ("how old are ", ItemAspect.Age, null), ("age of ", ItemAspect.Age, null),
        ("where are we at with ", ItemAspect.Status, null), ("where are we with ", ItemAspect.Status, null), ("where are we on ", ItemAspect.Status, null),
        ("where do we stand on ", ItemAspect.Status, null), ("where do we stand with ", ItemAspect.Status, null), ("where do things stand with ", ItemAspect.Status, null),
        ("what's happening with ", ItemAspect.Status, null), ("what is happening with ", ItemAspect.Status, null), ("what's happening on ", ItemAspect.Status, null),
        ("how are we doing on ", ItemAspect.Status, null), ("how are we doing with ", ItemAspect.Status, null), ("how are we getting on with ", ItemAspect.Status, null),
        ("what's the latest on ", ItemAspect.Status, null), ("what is the latest on ", ItemAspect.Status, null), ("what's the status of ", ItemAspect.Status, null),
        ("what is the status of ", ItemAspect.Status, null), ("what's the position on ", ItemAspect.Status, null), ("what is the position on ", ItemAspect.Status, null),
        ("any progress on ", ItemAspect.Status, null), ("any update on ", ItemAspect.Status, null), ("any news on ", ItemAspect.Status, null),
        ("give me an update on ", ItemAspect.Status, null), ("is there an update on ", ItemAspect.Status, null), ("status of ", ItemAspect.Status, null),
        ("progress on ", ItemAspect.Status, null), ("update on ", ItemAspect.Status, null), ("latest on ", ItemAspect.Status, null), ("news on ", ItemAspect.Status, null),
        ("tell me about ", ItemAspect.Status, null), ("how is ", ItemAspect.Status, [" going", " doing", " getting on", " progressing"]),
        ("how's ", ItemAspect.Status, [" going", " doing", " getting on", " progressing"]), ("how are ", ItemAspect.Status, [" going", " doing", " getting on", " progressing"]),
    ];

    private static readonly string[] WhenCopulas = ["when is ", "when are ", "when was ", "when were ", "when's ", "when will ", "when does ", "when do "];

    private static readonly string[] DueTrails = [" due", " needed", " expected", " required", " to be ", " meant to", " supposed to", " scheduled", " going to be", " have to", " need to", " deadline"];

    private static readonly string[] AgeTrails = [" answered", " closed", " completed", " done", " raised", " opened", " asked", " received", " replied", " finished", " resolved"];

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "anything", "everything", "it", "things", "stuff", "that", "this", "all", "we", "they", "them", "items", "item", "what", "most",
        "least", "fewest", "the", "a", "an", "any", "overdue", "due", "open", "outstanding", "late", "recommendations", "actions",
        "deadlines", "questions", "my", "our", "me", "us", "you", "i", "next", "work", "lot", "more", "each", "one", "mine", "late",
        "there", "of", "to", "for", "on", "and", "in", "is", "are", "was", "be", "been", "anyone", "someone", "who", "with", "team",
        "directorate", "these", "those", "so", "far", "many", "much", "digest", "summary", "boards", "board",
    };

    /// <summary>The thing named and the aspect asked, or null when the question names no thing.</summary>
    public static (string Words, ItemAspect Aspect)? Find(string lower)
    {
        var text = Trim(lower);
        foreach (var (lead, aspect, until) in Leads)
        {
            if (!text.StartsWith(lead, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = text[lead.Length..];
            if (until is not null)
            {
                var cut = until.Select(u => rest.IndexOf(u, StringComparison.Ordinal)).Where(n => n > 0).DefaultIfEmpty(-1).Min();
                if (cut <= 0 && aspect == ItemAspect.Age)
                {
                    continue;
                }

                rest = cut > 0 ? rest[..cut] : rest;
            }

            return Thing(rest) is { } thing ? (thing, aspect) : null;
        }

        return WhenShaped(text) ?? TrailingDeadline(text) ?? IsShaped(text);
    }

    /// <summary>"when is X due", "when was X answered".</summary>
    private static (string, ItemAspect)? WhenShaped(string text)
    {
        foreach (var lead in WhenCopulas)
        {
            if (!text.StartsWith(lead, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = text[lead.Length..];
            foreach (var (trails, aspect) in new[] { (DueTrails, ItemAspect.Due), (AgeTrails, ItemAspect.Age) })
            {
                var cut = trails.Select(u => (" " + rest).IndexOf(u, StringComparison.Ordinal) - 1).Where(n => n > 0).DefaultIfEmpty(-1).Min();
                if (cut > 0 && Thing(rest[..cut]) is { } thing)
                {
                    return (thing, aspect);
                }
            }
        }

        return null;
    }

    /// <summary>"what's the PEEL comments deadline".</summary>
    private static (string, ItemAspect)? TrailingDeadline(string text)
    {
        foreach (var lead in new[] { "what's the ", "what is the ", "when's the ", "when is the " })
        {
            if (text.StartsWith(lead, StringComparison.Ordinal) && (text.EndsWith(" deadline", StringComparison.Ordinal) || text.EndsWith(" due date", StringComparison.Ordinal)))
            {
                var rest = text[lead.Length..text.LastIndexOf(text.EndsWith(" deadline", StringComparison.Ordinal) ? " deadline" : " due date", StringComparison.Ordinal)];
                return Thing(rest) is { } thing ? (thing, ItemAspect.Due) : null;
            }
        }

        return null;
    }

    /// <summary>"is the PEEL comments overdue?", "has the reply to the committee been sent?".</summary>
    private static (string, ItemAspect)? IsShaped(string text)
    {
        foreach (var lead in new[] { "is the ", "are the ", "has the ", "have the " })
        {
            if (!text.StartsWith(lead, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var trail in new[] { " overdue", " late", " done", " complete", " completed", " finished", " on track", " delivered", " been done", " been sent", " been published", " been answered", " been completed" })
            {
                if (text.EndsWith(trail, StringComparison.Ordinal) && text.Length > lead.Length + trail.Length)
                {
                    var rest = text[lead.Length..^trail.Length];
                    return Thing(rest) is { } thing ? (thing, ItemAspect.Status) : null;
                }
            }
        }

        return null;
    }

    private static string Trim(string lower)
    {
        var t = lower.Trim().TrimEnd('?', '!', '.', ' ');
        foreach (var lead in new[] { "please ", "can you tell me ", "could you tell me ", "can you ", "could you ", "do you know ", "ok ", "so ", "and " })
        {
            if (t.StartsWith(lead, StringComparison.Ordinal))
            {
                t = t[lead.Length..];
            }
        }

        foreach (var tail in new[] { " please", " now", " at the moment", " currently", " again" })
        {
            if (t.EndsWith(tail, StringComparison.Ordinal))
            {
                t = t[..^tail.Length];
            }
        }

        return t;
    }

    /// <summary>The thing's words, or null when they name nothing in particular ("anything", "my items").</summary>
    public static string? Thing(string rest)
    {
        var t = rest.Trim().TrimEnd('?', '!', '.', ',', ' ');
        foreach (var tail in new[] { " going", " doing", " getting on", " by", " on", " for" })
        {
            if (t.EndsWith(tail, StringComparison.Ordinal))
            {
                t = t[..^tail.Length];
            }
        }

        if (t.StartsWith("the ", StringComparison.Ordinal))
        {
            t = t[4..];
        }

        var words = FilterWords.Words(t);
        if (words.Count == 0 || words.Count > 12 || words.All(Generic.Contains) || words[0] is "my" or "our" or "any" or "anything" or "all" or "everything" or "we" or "i" or "you")
        {
            return null;
        }

        return t.Length is > 0 and <= 120 ? t : null;
    }

    /// <summary>"history of R-7", "audit trail for the PEEL comments", "what changed on R-3": the thing, or "" when only an id names it.</summary>
    public static string? History(string lower)
    {
        var text = Trim(lower);
        foreach (var lead in new[] { "show me the history of ", "show the history of ", "the history of ", "history of ", "history for ", "history on ", "audit trail for ", "audit trail of ", "audit trail on ", "the audit trail for ", "show the audit trail for ", "show me the audit trail for ", "what changed on ", "what has changed on ", "what's changed on ", "changes to ", "changes on ", "who updated ", "who changed ", "timeline for ", "timeline of ", "log for ", "show the log for ", "change log for ", "changelog for ", "revisions to ", "revisions of ", "revision history for ", "notes on ", "show notes for ", "what notes are there on " })
        {
            if (text.StartsWith(lead, StringComparison.Ordinal))
            {
                return text[lead.Length..].Trim();
            }
        }

        foreach (var tail in new[] { " history", " audit trail", " change log", " changelog", " timeline", " revision history" })
        {
            if (text.EndsWith(tail, StringComparison.Ordinal) && text.Length > tail.Length)
            {
                var rest = text[..^tail.Length];
                foreach (var lead in new[] { "show me the ", "show the ", "show me ", "show ", "what's the ", "what is the ", "the " })
                {
                    if (rest.StartsWith(lead, StringComparison.Ordinal))
                    {
                        rest = rest[lead.Length..];
                        break;
                    }
                }

                return rest.Trim();
            }
        }

        return null;
    }
}
