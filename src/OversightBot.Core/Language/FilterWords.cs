using OversightBot.Core.Domain;

namespace OversightBot.Core.Language;

/// <summary>
/// Reads list filters from the words of a question: kinds ("recommendations", "Mayor's Questions", "FOI requests",
/// "improvement actions"), statuses ("open", "in progress", "completed"), RAG colours, scope ("my team", "my
/// directorate", "my items"), a source ("from the Casey Review", "HMICFRS recommendations") and a theme ("about
/// information governance"). The text has its dates cut out already.
/// </summary>
internal static class FilterWords
{
    private static readonly string[] KindNouns = ["recommendation", "recommendations", "actions", "action", "duties", "duty", "questions", "question", "requests", "items", "deadlines", "letters", "mqs", "fois"];

    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        "what", "whats", "what's", "which", "show", "list", "me", "all", "any", "the", "a", "an", "our", "my", "are", "is", "were", "was",
        "open", "outstanding", "overdue", "late", "due", "closed", "completed", "done", "in", "progress", "not", "started", "of", "for",
        "give", "get", "see", "there", "we", "have", "has", "do", "does", "did", "still", "current", "live", "active", "pending", "every",
        "red", "amber", "green", "rag", "only", "just", "please", "can", "you", "i", "how", "many", "much", "total", "number", "count",
        "statutory", "improvement", "governance", "plan", "mayor's", "mayors", "mayoral", "freedom", "information", "foi", "mq", "new",
        "withdrawn", "accepted", "rejected", "unanswered", "answered", "finished", "delivered", "implemented", "and", "or", "with", "to",
        "on", "at", "by", "from", "about", "that", "those", "these", "team", "team's", "directorate", "items", "also", "other", "each",
        "tell", "let", "know", "need", "needs", "anything", "everything", "some", "been", "being", "be", "time", "rate", "percentage",
        "answer", "answering", "reply", "replying", "respond", "taken", "take", "took", "average", "long", "quickly", "days", "it",
    };

    public static ItemFilter Read(string lower, string? owner, DateRange? range)
    {
        var words = Words(lower);
        var kind = Kind(lower, words, out var subKind);
        var status = Status(lower, words);
        var scope = ScopeOf(lower, words);
        var source = After(lower, words, ["from", "raised by", "made by", "issued by", "set by", "in the"]) ?? BeforeKindNoun(words);
        var theme = After(lower, words, ["about", "relating to", "related to", "regarding", "concerning", "to do with", "on the subject of"])
            ?? After(lower, words, ["recommendations on", "actions on", "items on", "there on", "questions on", "duties on", "work on"]);
        if (owner is not null && source is not null && string.Equals(owner, source, StringComparison.OrdinalIgnoreCase))
        {
            owner = null;
        }

        var on = status == StatusFilter.Done && range is not null ? DateField.Completed
            : range is not null && (Has(words, "raised") || Has(words, "received") || Has(words, "opened") || Has(words, "asked")) ? DateField.Opened
            : DateField.Due;
        return new ItemFilter
        {
            Kind = kind,
            SubKind = subKind,
            Status = status,
            Owner = scope == Scope.None ? owner : null,
            Scope = scope,
            Source = source,
            Theme = theme,
            Rag = Has(words, "amber") ? RagColour.Amber : Has(words, "green") ? RagColour.Green : Has(words, "red") ? RagColour.Red : null,
            Range = range,
            On = on,
        };
    }

    public static List<string> Words(string lower)
    {
        var list = new List<string>();
        var start = -1;
        for (var i = 0; i <= lower.Length; i++)
        {
            var c = i < lower.Length ? lower[i] : ' ';
            var inWord = char.IsLetterOrDigit(c) || (c == '\'' && start >= 0) || (c == '-' && start >= 0);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                list.Add(lower[start..i].Trim('\'', '-'));
                start = -1;
            }
        }

        return list;
    }

    public static bool Has(List<string> words, string w) => words.Contains(w);

    private static ItemKind? Kind(string lower, List<string> words, out string? subKind)
    {
        subKind = null;
        if (lower.Contains("mayor's question", StringComparison.Ordinal) || lower.Contains("mayors question", StringComparison.Ordinal)
            || lower.Contains("mayoral question", StringComparison.Ordinal) || Has(words, "mqs") || (Has(words, "mq") && !HasNumberAfter(words, "mq")))
        {
            subKind = "MQ";
        }
        else if (Has(words, "foi") || Has(words, "fois") || lower.Contains("freedom of information", StringComparison.Ordinal))
        {
            subKind = "FOI";
        }
        else if (Has(words, "letters"))
        {
            subKind = "Letter";
        }

        if (lower.Contains("improvement action", StringComparison.Ordinal) || lower.Contains("improvement plan", StringComparison.Ordinal)
            || lower.Contains("governance action", StringComparison.Ordinal) || lower.Contains("ags action", StringComparison.Ordinal))
        {
            return ItemKind.ImprovementAction;
        }

        if (Has(words, "recommendation") || Has(words, "recommendations"))
        {
            return ItemKind.Recommendation;
        }

        if (Has(words, "statutory") || Has(words, "duty") || Has(words, "duties"))
        {
            return ItemKind.StatutoryDuty;
        }

        return subKind is null && (Has(words, "questions") || Has(words, "requests")) ? ItemKind.Question : null;
    }

    private static bool HasNumberAfter(List<string> words, string w)
    {
        var i = words.IndexOf(w);
        return i >= 0 && i + 1 < words.Count && words[i + 1].Length > 0 && char.IsDigit(words[i + 1][0]);
    }

    private static StatusFilter Status(string lower, List<string> words)
    {
        if (lower.Contains("not started", StringComparison.Ordinal) || lower.Contains("not yet started", StringComparison.Ordinal))
        {
            return StatusFilter.NotStarted;
        }

        if (lower.Contains("in progress", StringComparison.Ordinal) || Has(words, "underway") || Has(words, "ongoing") || Has(words, "started"))
        {
            return StatusFilter.InProgress;
        }

        if (lower.Contains("not accepted", StringComparison.Ordinal) || Has(words, "rejected"))
        {
            return StatusFilter.NotAccepted;
        }

        if (Has(words, "withdrawn"))
        {
            return StatusFilter.Withdrawn;
        }

        if ((Has(words, "completed") || Has(words, "complete") || Has(words, "done") || Has(words, "closed") || Has(words, "finished")
            || Has(words, "delivered") || Has(words, "implemented") || Has(words, "answered") || Has(words, "resolved")) && !Has(words, "not")
            && !lower.Contains("be done", StringComparison.Ordinal) && !lower.Contains("get done", StringComparison.Ordinal) && !lower.Contains("be completed", StringComparison.Ordinal)
            && !lower.Contains("be delivered", StringComparison.Ordinal) && !lower.Contains("be finished", StringComparison.Ordinal))
        {
            return StatusFilter.Done;
        }

        if (Has(words, "open") || Has(words, "outstanding") || Has(words, "live") || Has(words, "active") || Has(words, "pending")
            || Has(words, "unanswered") || Has(words, "unresolved") || lower.Contains("not done", StringComparison.Ordinal) || lower.Contains("not complete", StringComparison.Ordinal))
        {
            return StatusFilter.Open;
        }

        return Has(words, "all") || Has(words, "every") ? StatusFilter.All : StatusFilter.Default;
    }

    private static Scope ScopeOf(string lower, List<string> words)
    {
        if (lower.Contains("my directorate", StringComparison.Ordinal) || lower.Contains("our directorate", StringComparison.Ordinal)
            || lower.Contains("my department", StringComparison.Ordinal) || lower.Contains("our department", StringComparison.Ordinal))
        {
            return Scope.Directorate;
        }

        if (lower.Contains("my team", StringComparison.Ordinal) || lower.Contains("our team", StringComparison.Ordinal) || lower.Contains("my unit", StringComparison.Ordinal))
        {
            return Scope.Team;
        }

        var mine = Has(words, "mine") || lower.Contains("assigned to me", StringComparison.Ordinal) || lower.Contains("for me", StringComparison.Ordinal)
            || lower.Contains("i own", StringComparison.Ordinal) || lower.Contains("do i ", StringComparison.Ordinal) || lower.Contains("am i ", StringComparison.Ordinal)
            || lower.Contains("on my plate", StringComparison.Ordinal) || lower.Contains("i'm responsible", StringComparison.Ordinal);
        if (!mine)
        {
            var my = words.IndexOf("my");
            mine = my >= 0 && my + 1 < words.Count && words[my + 1] is "items" or "actions" or "recommendations" or "deadlines" or "work" or "list"
                or "questions" or "duties" or "things" or "stuff" or "overdue" or "open" or "outstanding" or "tasks" or "late" or "own";
        }

        return mine ? Scope.Me : Scope.None;
    }

    /// <summary>The words after one of <paramref name="leads"/> up to a boundary word, if any are not structural.</summary>
    private static string? After(string lower, List<string> words, string[] leads)
    {
        foreach (var lead in leads)
        {
            var at = IndexOfPhrase(words, lead);
            if (at < 0 || (at > 0 && words[at - 1] is "what" or "how" or "talk" or "ask"))
            {
                continue;
            }

            var picked = new List<string>();
            for (var k = at + lead.Split(' ').Length; k < words.Count && picked.Count < 6; k++)
            {
                var w = words[k];
                if (w is "that" or "which" or "who" or "are" or "is" or "were" or "was" or "due" or "overdue" or "still" or "for" or "owned" or "assigned" or "and" or "with" or "this" or "next" or "last" or "by" or "only")
                {
                    break;
                }

                if (picked.Count == 0 && w is "the" or "a" or "an")
                {
                    continue;
                }

                picked.Add(w);
            }

            var content = picked.Where(w => !Structural.Contains(w) || w is "information" or "governance" or "improvement" or "plan").ToList();
            if (content.Count > 0 && !(content.Count == 1 && content[0] is "me" or "us" or "time" or "track"))
            {
                return string.Join(' ', picked);
            }
        }

        return null;
    }

    /// <summary>"HMICFRS recommendations", "Casey review actions": the content words just before a kind noun.</summary>
    private static string? BeforeKindNoun(List<string> words)
    {
        var noun = words.FindIndex(w => KindNouns.Contains(w));
        if (noun <= 0)
        {
            return null;
        }

        var picked = new List<string>();
        for (var k = noun - 1; k >= 0 && picked.Count < 4; k--)
        {
            if (Structural.Contains(words[k]) || words[k].Length < 2 || char.IsDigit(words[k][0]))
            {
                break;
            }

            picked.Insert(0, words[k]);
        }

        return picked.Count > 0 ? string.Join(' ', picked) : null;
    }

    private static int IndexOfPhrase(List<string> words, string phrase)
    {
        var parts = phrase.Split(' ');
        for (var i = 0; i + parts.Length <= words.Count; i++)
        {
            var ok = true;
            for (var p = 0; p < parts.Length && ok; p++)
            {
                ok = words[i + p] == parts[p];
            }

            if (ok)
            {
                return i;
            }
        }

        return -1;
    }
}
