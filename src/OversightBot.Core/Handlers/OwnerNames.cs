using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;

namespace OversightBot.Core.Handlers;

/// <summary>
/// Owners by the names people use: the full name, its initials ("VRU", "DARA", "IG", "TfL", "MOPAC"), a word of it
/// ("Finance"), a near miss ("Partnership Teem"), a person's name, and the asker's scope ("my team", "my
/// directorate"). Initials are derived from the stored owner names, so new owners need no code.
/// </summary>
public static class OwnerNames
{
    private static readonly HashSet<string> Skippable = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "for", "and", "&", "to", "in" };
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase) { "team", "unit", "directorate", "services", "service", "office", "group" };

    /// <summary>The initials a name can be written as: "Violence Reduction Unit" → VRU and VR.</summary>
    public static IReadOnlySet<string> Initials(string name)
    {
        var words = name.Split([' ', ',', '-', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w.Trim('\'', '’', '(', ')'))
            .Where(w => w.Length > 0)
            .ToList();
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> ws)
        {
            var list = ws.Where(w => w.Length > 0 && char.IsLetter(w[0])).ToList();
            if (list.Count >= 2)
            {
                set.Add(string.Concat(list.Select(w => char.ToUpperInvariant(w[0]))));
                if (Generic.Contains(list[^1]) && list.Count >= 3)
                {
                    set.Add(string.Concat(list.Take(list.Count - 1).Select(w => char.ToUpperInvariant(w[0]))));
                }
            }
        }

        Add(words);
        Add(words.Where(w => !Skippable.Contains(w)));
        Add(words.Where(w => w is not ("of" or "the" or "for" or "Of" or "The" or "For")));
        foreach (var w in words.Where(w => w.Length is >= 2 and <= 6 && w.All(char.IsUpper)))
        {
            set.Add(w);
        }

        return set;
    }

    /// <summary>Owners whose initials are <paramref name="words"/> ("VRU", "dara").</summary>
    public static List<string> ByInitials(IEnumerable<string> owners, string words)
    {
        var w = words.Trim();
        if (w.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            w = w[4..];
        }

        return w.Length is < 2 or > 6 || w.Contains(' ', StringComparison.Ordinal)
            ? []
            : owners.Where(o => Initials(o).Contains(w)).ToList();
    }

    /// <summary>Owners one of whose words is within a small edit distance of each typed word ("Partnership Teem").</summary>
    public static List<string> Near(IEnumerable<string> owners, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        return owners.Where(o =>
        {
            var ownWords = SearchTerms.ForQuery(o);
            return terms.All(t => ownWords.Any(w => Close(t, w)));
        }).ToList();
    }

    public static bool Close(string typed, string word)
    {
        if (typed == word)
        {
            return true;
        }

        var allowed = word.Length >= 9 ? 2 : word.Length >= 5 ? 1 : 0;
        return allowed > 0 && Math.Abs(typed.Length - word.Length) <= allowed && TextRepair.Distance(typed, word, allowed) <= allowed;
    }

    /// <summary>The owners a scope means for the asker, with a label; empty when the asker is unknown.</summary>
    public static async Task<(IReadOnlyList<string> Owners, string Label)> ForScopeAsync(Scope scope, Person? asker, IPersonStore people, CancellationToken ct)
    {
        if (asker is null)
        {
            return ([], "");
        }

        var team = asker.Team;
        switch (scope)
        {
            case Scope.Team when team is { Length: > 0 }:
                return ([team], team);
            case Scope.Directorate when team is { Length: > 0 }:
                var owners = new List<string> { team };
                if (!team.Contains("directorate", StringComparison.OrdinalIgnoreCase))
                {
                    var manager = asker.ManagerEmail is { } m ? await people.GetPersonAsync(m, ct) : null;
                    if (manager?.Team is { } mt && mt.Contains("directorate", StringComparison.OrdinalIgnoreCase))
                    {
                        owners.Add(mt);
                    }
                }

                return (owners, string.Join(" / ", owners));
            default:
                var mine = new List<string> { asker.Email };
                if (team is { Length: > 0 })
                {
                    mine.Add(team);
                }

                return (mine, team is null ? "Your items" : $"Your and {team}'s items");
        }
    }
}
