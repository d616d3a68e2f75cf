using System.CommandLine;

namespace OversightBot.Cli;

/// <summary>"Did you mean …?": the verbs and options closest to a token the parser did not know.</summary>
public static class TypoSuggestions
{
    /// <summary>Names a user may have meant by <paramref name="token"/> where <paramref name="command"/> was parsed.</summary>
    public static IEnumerable<string> For(string token, Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            var own = ReferenceEquals(c, command);
            names.AddRange(c.Options.Where(o => !o.Hidden && (own || o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name)));
            if (own)
            {
                names.AddRange(c.Subcommands.Where(s => !s.Hidden).Select(s => s.Name));
            }
        }

        return Rank(token, names.Distinct(StringComparer.Ordinal));
    }

    /// <summary>The candidates within a small edit distance of <paramref name="token"/>, closest first (at most three).</summary>
    public static IEnumerable<string> Rank(string token, IEnumerable<string> candidates)
    {
        var bare = token.Split('=', 2)[0];
        return candidates
            .Select(c => (Name: c, Distance: Distance(bare, c)))
            .Where(c => (c.Distance > 0 && c.Distance <= Math.Max(1, Math.Min(bare.Length, c.Name.Length) / 3))
                || (bare.Length >= 3 && c.Name.StartsWith(bare, StringComparison.Ordinal) && c.Name != bare))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .Take(3);
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
