using System.Text;

namespace OversightBot.Core.Domain;

/// <summary>
/// The words an item can be found by, and the same normalisation for what users type: lower case, letters and
/// digits only, common words dropped, a plural "s" removed ("boards" finds "board").
/// </summary>
public static class SearchTerms
{
    public const int MaxTermLength = 64;

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "on", "in", "to", "for", "by", "with", "at", "from", "is", "are", "be",
        "its", "it", "that", "this", "what", "whats", "status", "about", "me", "my", "please", "tell", "show",
        "recommendation", "action", "item", "re", "how", "s", "mopac", "which", "one",
    };

    public static IReadOnlyList<string> ForItem(TrackedItem item)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        Add(words, item.Title);
        Add(words, item.Reference);
        Add(words, item.SubKind);
        Add(words, item.Board);
        Add(words, item.Owner);
        words.Add(item.Id.ToLowerInvariant());
        if (item.Reference is { } r)
        {
            words.Add(Normalise(r.Replace(" ", "", StringComparison.Ordinal)));
        }

        return [.. words];
    }

    public static IReadOnlyList<string> ForQuery(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        Add(words, text);
        return [.. words];
    }

    private static void Add(HashSet<string> words, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var sb = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch) || ch == '-')
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (ch is '\'' or '’')
            {
                continue;
            }
            else
            {
                Flush(words, sb);
            }
        }

        Flush(words, sb);
    }

    private static void Flush(HashSet<string> words, StringBuilder sb)
    {
        if (sb.Length == 0)
        {
            return;
        }

        var w = Normalise(sb.ToString().Trim('-'));
        sb.Clear();
        // A "word" longer than any real one (pasted data) is not searchable and would not fit an index key.
        if ((w.Length > 1 || (w.Length == 1 && char.IsDigit(w[0]))) && w.Length <= MaxTermLength && !Stop.Contains(w))
        {
            words.Add(w);
        }
    }

    private static string Normalise(string word)
    {
        word = word.ToLowerInvariant();
        return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
    }
}
