using System.Text.RegularExpressions;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Core.Handlers;

/// <summary>Finds the item a user means: by id ("R-12", "r12"), by reference ("MQ 1844") or by words.</summary>
public static partial class ItemLookup
{
    public sealed record Result(TrackedItem? Item, IReadOnlyList<TrackedItem> Candidates);

    public static async Task<Result> FindAsync(IItemStore items, string? id, string? words, CancellationToken ct)
    {
        if (id is not null && await GetByIdAsync(items, id, ct) is { } byId)
        {
            return new Result(byId, [byId]);
        }

        var text = words ?? id ?? "";
        if (IdPattern().Match(text) is { Success: true } m && await GetByIdAsync(items, m.Value, ct) is { } inWords)
        {
            return new Result(inWords, [inWords]);
        }

        var terms = SearchTerms.ForQuery(text);
        if (terms.Count == 0)
        {
            return new Result(null, []);
        }

        var found = await items.SearchAsync(terms, 6, ct);
        if (found.Count == 0)
        {
            return new Result(null, []);
        }

        // One clear winner: it matches more of the words than the next best.
        var scores = found.Select(i => Score(i, terms)).ToList();
        var unique = scores.Count == 1 || scores[0] > scores[1];
        return new Result(unique ? found[0] : null, found.Where((_, n) => scores[n] == scores[0]).Take(5).ToList());
    }

    public static Task<TrackedItem?> GetByIdAsync(IItemStore items, string id, CancellationToken ct) => GetAsync(items, id, false, ct);

    /// <summary>The item with that id, read without its history for a change (entries added are appended).</summary>
    public static Task<TrackedItem?> GetForUpdateByIdAsync(IItemStore items, string id, CancellationToken ct) => GetAsync(items, id, true, ct);

    private static async Task<TrackedItem?> GetAsync(IItemStore items, string id, bool forUpdate, CancellationToken ct)
    {
        var m = IdPattern().Match(id);
        if (!m.Success)
        {
            return null;
        }

        var canonical = $"{char.ToUpperInvariant(m.Groups["p"].Value[0])}-{int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)}";
        return forUpdate ? await items.GetForUpdateAsync(canonical, ct) : await items.GetAsync(canonical, ct);
    }

    private static int Score(TrackedItem item, IReadOnlyList<string> terms)
    {
        var words = SearchTerms.ForItem(item);
        return terms.Count(words.Contains);
    }

    [GeneratedRegex(@"\b(?<p>[RASQ])-?(?<n>\d{1,6})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex IdPattern();
}
