using System.Collections.Frozen;
using System.Text;

namespace OversightBot.Core.Language;

/// <summary>
/// Repairs chat spelling before recognition: text-speak ("wat", "pls", "wk", "tmrw") becomes the word, and a
/// misspelt keyword of seven letters or more ("overdeu", "recomendations", "finacial") becomes the keyword when it
/// is one edit away (two for eleven letters or more). Only words outside the keyword list are touched, item ids and
/// numbers never, so correct text passes through unchanged. Linear in the input.
/// </summary>
public static class TextRepair
{
    private static readonly FrozenDictionary<string, string> Speak = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["wat"] = "what", ["wot"] = "what", ["wht"] = "what", ["whats"] = "what's", ["wats"] = "what's", ["wots"] = "what's",
        ["wuts"] = "what's", ["wut"] = "what", ["pls"] = "please", ["plz"] = "please", ["plse"] = "please", ["wk"] = "week",
        ["wks"] = "weeks", ["wkly"] = "weekly", ["u"] = "you", ["ur"] = "your", ["tmrw"] = "tomorrow", ["tmr"] = "tomorrow",
        ["2moro"] = "tomorrow", ["2day"] = "today", ["tdy"] = "today", ["nxt"] = "next", ["mth"] = "month", ["mnth"] = "month",
        ["yr"] = "year", ["b4"] = "before", ["thx"] = "thanks", ["recs"] = "recommendations", ["rec"] = "recommendation",
        ["recos"] = "recommendations", ["dept"] = "department", ["govt"] = "government", ["o/s"] = "outstanding",
        ["cos"] = "because", ["coz"] = "because", ["abt"] = "about", ["w/"] = "with", ["whos"] = "who's",
        ["wheres"] = "where's", ["whens"] = "when's", ["hows"] = "how's", ["anythin"] = "anything", ["smth"] = "something",
        ["stats"] = "statistics", ["ppl"] = "people",
        ["dunno"] = "don't know", ["gimme"] = "give me", ["wanna"] = "want to", ["isnt"] = "isn't", ["arent"] = "aren't",
        ["hasnt"] = "hasn't", ["havent"] = "haven't", ["didnt"] = "didn't", ["dont"] = "don't", ["doesnt"] = "doesn't",
        ["ovrdue"] = "overdue", ["ovrdu"] = "overdue",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Keywords the recognizer relies on; misspellings of these are repaired.</summary>
    private static readonly string[] Keywords =
    [
        "overdue", "deadline", "deadlines", "outstanding", "recommendation", "recommendations", "completed", "statistics",
        "quarter", "financial", "minutes", "published", "publication", "history", "subscribe", "unsubscribe", "directorate",
        "progress", "statutory", "improvement", "questions", "meeting", "membership", "reference", "responsible", "partnership",
        "summary", "upcoming", "tomorrow", "yesterday", "february", "january", "september", "october", "november", "december",
        "wednesday", "thursday", "saturday", "percentage", "proportion", "answered", "commencing", "fortnight", "actions",
        "governance", "committee", "overview", "schedule", "scheduled", "outstanding", "happening", "correspondence",
    ];

    private static readonly FrozenSet<string> KeywordSet = Keywords.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Real words near a keyword that must stay as typed.</summary>
    private static readonly FrozenSet<string> Keep = new[]
    {
        "actionss", "auctions", "reaction", "reactions", "meetings", "minute", "minuets", "question", "progressed", "progresses",
        "deadlined", "committees", "summery", "quarters", "published", "publications", "references", "completes", "competed",
        "histories", "overview", "schedules", "happenings", "governances", "overdone", "directorates", "partnerships", "quartet",
        "complete", "action", "subscribed", "unsubscribed", "subscriber", "committed", "responsive", "responsibly", "commenting",
        "referenced", "publishes", "publisher", "minuted", "questioned", "improvements", "overdo",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The text with text-speak and misspelt keywords repaired; other characters as typed.</summary>
    public static string Repair(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        StringBuilder? sb = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                sb?.Append(text[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            var fixedWord = Fix(word, text, i);
            if (fixedWord is not null && sb is null)
            {
                sb = new StringBuilder(text.Length + 16).Append(text, 0, start);
            }

            sb?.Append(fixedWord ?? word);
        }

        return sb?.ToString() ?? text;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '/' or '\'';

    private static string? Fix(string word, string text, int after)
    {
        var lower = word.ToLowerInvariant().TrimEnd('\'');
        if (lower.Length == 0 || char.IsDigit(lower[0]) && lower.Length > 1 && lower != "2day" && lower != "2moro")
        {
            return null;
        }

        if (Speak.TryGetValue(lower, out var spoken))
        {
            // "u" and "ur" only as words, never as an item letter followed by a number ("R 3").
            return lower is "u" or "ur" && NextIsDigit(text, after) ? null : spoken;
        }

        if (lower.Length < 6 || KeywordSet.Contains(lower) || Keep.Contains(lower) || !lower.All(char.IsLetter))
        {
            return null;
        }

        string? best = null;
        foreach (var k in Keywords)
        {
            var allowed = k.Length >= 11 ? 2 : 1;
            if (Math.Abs(k.Length - lower.Length) <= allowed && k.Length >= 7 && Distance(lower, k, allowed) <= allowed)
            {
                best = k;
                break;
            }
        }

        return best;
    }

    private static bool NextIsDigit(string text, int at)
    {
        var j = at;
        while (j < text.Length && text[j] is ' ' or '-')
        {
            j++;
        }

        return j < text.Length && char.IsDigit(text[j]);
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours counts one), stopping above <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (prev2, prev, cur) = (prev, cur, prev2);
        }

        return prev[b.Length];
    }
}
