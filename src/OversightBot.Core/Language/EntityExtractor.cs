using System.Text;
using System.Text.RegularExpressions;
using OversightBot.Core.Domain;

namespace OversightBot.Core.Language;

/// <summary>Pulls item ids, references, owners, boards, statuses, reasons, notes and links out of one utterance.</summary>
internal static class EntityExtractor
{
    private const RegexOptions Opts = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex ItemId = new(@"\b([rasq])[- ]?([0-9]{1,6})\b", Opts);
    private static readonly Regex Reference = new(@"\b(MQ|PQ|FOI|EDM|WQ)[- ]?([0-9]{1,7})\b", Opts);
    private static readonly Regex Link = new(@"https?://[^\s<>""]+", Opts);
    private static readonly Regex Reason = new(@"\b(?:because|reason:?|due to|as)\s+(.+)$", Opts);
    private static readonly Regex Mine = new(@"\b(my|mine|me|i own|am i|do i|i'm responsible|on my plate)\b", Opts);
    private static readonly Regex OwnerWhatDoes = new(@"\bwhat (?:does|do|is|are|has|have) (?:the )?(.+?) (?:own|owns|responsible for|working on|got|have|dealing with)\b", Opts);
    private static readonly Regex OwnerBy = new(@"\b(?:owned by|assigned to|belonging to|for|with|from) (?:the )?([a-z][\w'&-]*(?: [a-z][\w'&-]*){0,5}?)\s*(?:\?|$|,| that| which| are| is| due| overdue)", Opts);
    private static readonly Regex OwnerPossessive = new(@"\b([a-z][\w&-]*(?: [a-z][\w&-]*){0,3})'s (?:actions|items|recommendations|deadlines|work|questions|list)\b", Opts);
    private static readonly Regex Board = new(@"\b(?:the )?([a-z0-9][\w&-]*(?: [a-z0-9][\w&-]*){0,4}?) (?:board|boards|board's|partnership board)\b", Opts);
    private static readonly Regex BoardAlias = new(@"\b([A-Z]{3,6})\b", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    private static readonly Regex Words = new(@"\bthe (.+?) (?:recommendation|action|item|question|deadline|commitment|undertaking)s?\b", Opts);
    private static readonly Regex WordsAbout = new(@"\b(?:status of|progress on|update on|where are we (?:on|with)|what's happening (?:on|with)|how is|how's|news on|latest on) (?:the )?(.+?)(?: going| doing| recommendation| action| item)?\s*\??$", Opts);

    private static readonly string[] WordNouns = ["recommendation", "action", "item", "question", "deadline", "commitment", "undertaking"];
    private static readonly string[] AboutLeads = ["status of", "progress on", "update on", "where are we", "happening", "how is", "how's", "news on", "latest on"];

    private static readonly HashSet<string> OwnerStop = new(StringComparer.OrdinalIgnoreCase)
    {
        "me", "my", "you", "us", "this week", "next week", "today", "tomorrow", "this month", "next month", "now", "it", "them",
        "the board", "board", "boards", "a week", "review", "the week", "this quarter", "the month", "the year", "this year",
    };

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch { '\u2019' or '\u2018' => '\'', '\u201c' or '\u201d' => '"', '\u00a0' => ' ', _ => c });
        }

        var s = sb.ToString();
        s = StripAt(s);
        s = s.Trim();
        while (s.StartsWith('@'))
        {
            var sp = s.IndexOf(' ', StringComparison.Ordinal);
            s = sp < 0 ? "" : s[(sp + 1)..].TrimStart(' ', ',', ':');
        }

        return s.Trim();
    }

    private static string StripAt(string s)
    {
        for (var guard = 0; guard < 8; guard++)
        {
            var a = s.IndexOf("<at>", StringComparison.OrdinalIgnoreCase);
            if (a < 0)
            {
                break;
            }

            var b = s.IndexOf("</at>", a, StringComparison.OrdinalIgnoreCase);
            s = b < 0 ? s.Remove(a, 4) : s.Remove(a, b + 5 - a);
        }

        return s;
    }

    public static List<string> ItemIds(string text, IReadOnlyList<Dates.DateMention>? dates = null)
    {
        var ids = new List<string>();
        foreach (Match m in ItemId.Matches(text))
        {
            if (dates is not null && dates.Any(d => d.Start < m.Index + m.Length && m.Index < d.End))
            {
                continue;
            }

            var letter = m.Groups[1].Value;
            if (m.Value.Contains(' ', StringComparison.Ordinal) && !char.IsUpper(letter[0]))
            {
                continue;
            }

            if (letter is "a" && !m.Value.Contains('-', StringComparison.Ordinal))
            {
                continue;
            }

            var id = $"{letter.ToUpperInvariant()}-{int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)}";
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    public static List<string> References(string text) =>
        [.. Reference.Matches(text).Select(m => $"{m.Groups[1].Value.ToUpperInvariant()} {m.Groups[2].Value}").Distinct()];

    public static string? EvidenceLink(string text) => Link.Match(text) is { Success: true } m ? m.Value.TrimEnd('.', ',', ')') : null;

    public static string? ReasonOf(string text) => Reason.Match(text) is { Success: true } m ? m.Groups[1].Value.Trim().TrimEnd('.') : null;

    public static bool IsMine(string lower) => Mine.IsMatch(lower);

    public static ItemStatus? Status(string lower)
    {
        if (lower.Contains("in progress", StringComparison.Ordinal) || lower.Contains("underway", StringComparison.Ordinal) || lower.Contains("under way", StringComparison.Ordinal) || lower.Contains("started", StringComparison.Ordinal) || lower.Contains("on track", StringComparison.Ordinal))
        {
            return ItemStatus.InProgress;
        }

        if (lower.Contains("not accepted", StringComparison.Ordinal) || lower.Contains("rejected", StringComparison.Ordinal))
        {
            return ItemStatus.NotAccepted;
        }

        if (lower.Contains("withdrawn", StringComparison.Ordinal) || lower.Contains("withdraw", StringComparison.Ordinal))
        {
            return ItemStatus.Withdrawn;
        }

        if (HasWord(lower, "done") || HasWord(lower, "complete") || HasWord(lower, "completed") || HasWord(lower, "finished") || HasWord(lower, "closed") || HasWord(lower, "implemented"))
        {
            return ItemStatus.Done;
        }

        return HasWord(lower, "reopen") || HasWord(lower, "reopened") || HasWord(lower, "open") ? ItemStatus.Open : null;
    }

    public static bool HasWord(string lower, string word)
    {
        var i = 0;
        while ((i = lower.IndexOf(word, i, StringComparison.Ordinal)) >= 0)
        {
            var before = i == 0 || !char.IsLetterOrDigit(lower[i - 1]);
            var after = i + word.Length >= lower.Length || !char.IsLetterOrDigit(lower[i + word.Length]);
            if (before && after)
            {
                return true;
            }

            i += word.Length;
        }

        return false;
    }

    public static string? Owner(string text)
    {
        text = text.Replace("what's ", "what is ", StringComparison.OrdinalIgnoreCase).Replace("whats ", "what is ", StringComparison.OrdinalIgnoreCase);
        var lower = text.ToLowerInvariant();
        var candidates = new List<Match>(3);
        if (lower.Contains("what ", StringComparison.Ordinal))
        {
            candidates.Add(OwnerWhatDoes.Match(text));
        }

        if (lower.Contains("'s ", StringComparison.Ordinal))
        {
            candidates.Add(OwnerPossessive.Match(text));
        }

        candidates.Add(OwnerBy.Match(text));
        foreach (var m in candidates)
        {
            if (m.Success && Clean(m.Groups[1].Value) is { } o && !OwnerStop.Contains(o) && !o.StartsWith("my ", StringComparison.OrdinalIgnoreCase) && ItemIds(o).Count == 0)
            {
                return o;
            }
        }

        return null;
    }

    public static string? BoardName(string text)
    {
        if (Board.Match(text) is { Success: true } m && Clean(m.Groups[1].Value) is { } b && !b.Equals("the", StringComparison.OrdinalIgnoreCase)
            && !OwnerStop.Contains(b) && b is not ("which" or "what" or "all" or "our" or "any" or "each" or "every"))
        {
            var words = b.Split(' ');
            var keep = words.SkipWhile(w => w.ToLowerInvariant() is "is" or "are" or "which" or "what" or "the" or "of" or "for" or "about" or "on" or "all" or "our").ToArray();
            return keep.Length > 0 ? string.Join(' ', keep) : null;
        }

        return BoardAlias.Match(text) is { Success: true } a && a.Value is not ("OK" or "MQ" or "PQ" or "FOI" or "EDM" or "WQ" or "ASAP" or "FYI" or "COB" or "EOD" or "EOY" or "MOPAC") ? a.Value : null;
    }

    public static string? ItemWords(string text)
    {
        var lower = text.ToLowerInvariant();
        var candidates = new List<Match>(2);
        if (WordNouns.Any(n => lower.Contains(n, StringComparison.Ordinal)))
        {
            candidates.Add(Words.Match(text));
        }

        if (AboutLeads.Any(n => lower.Contains(n, StringComparison.Ordinal)))
        {
            candidates.Add(WordsAbout.Match(text));
        }

        foreach (var m in candidates)
        {
            if (m.Success && Clean(m.Groups[1].Value) is { } w && ItemIds(w).Count == 0 && !OwnerStop.Contains(w))
            {
                return w;
            }
        }

        return null;
    }

    private static string? Clean(string s)
    {
        s = s.Trim().Trim('?', '.', '!', ',', '"', '\'').Trim();
        return s.Length is 0 or > 80 ? null : s;
    }
}
