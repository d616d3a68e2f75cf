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

        var kind = KindHint(text);
        var found = await items.SearchAsync(terms, 6, ct);
        if (found.Count > 0)
        {
            // One clear winner: it matches more of the words (and the kind named) than the next best.
            var scored = PreferParts(found.Select(i => (Item: i, Score: Score(i, terms) * 2 + (i.Kind == kind ? 1 : 0))).OrderByDescending(x => x.Score).ToList());
            if ((scored.Count == 1 || scored[0].Score > scored[1].Score) && scored[0].Score >= Math.Min(terms.Count, 4))
            {
                var winner = await WholeAsync(items, scored[0].Item, ct);
                return new Result(winner, [winner]);
            }
        }

        // No clear winner from the exact words: allow small misspellings and words' starts ("PEEL coments").
        var near = PreferParts(await NearAsync(items, terms, kind, ct));
        if (near.Count > 0)
        {
            var unique = near.Count == 1 || near[0].Score > near[1].Score;
            return new Result(unique ? await WholeAsync(items, near[0].Item, ct) : null, near.Where(n => n.Score == near[0].Score).Select(n => n.Item).Take(5).ToList());
        }

        return new Result(null, found.Take(5).ToList());
    }

    /// <summary>
    /// Among the best-scoring candidates, drops a parent whose part also scores best: words that fit a part ("the
    /// dashboards recommendation") mean the part, not the parent whose title merely lists every part. Order is kept.
    /// </summary>
    private static List<(TrackedItem Item, int Score)> PreferParts(List<(TrackedItem Item, int Score)> ranked)
    {
        if (ranked.Count < 2)
        {
            return ranked;
        }

        var top = ranked[0].Score;
        var parents = ranked.Where(x => x.Score == top && x.Item.ParentId is not null).Select(x => x.Item.ParentId!).ToHashSet(StringComparer.Ordinal);
        return [.. ranked.Where(x => !(x.Score == top && parents.Contains(x.Item.Id)))];
    }

    /// <summary>The kind the words name ("the dashboards recommendation"), which breaks ties.</summary>
    private static ItemKind? KindHint(string text)
    {
        var t = text.ToLowerInvariant();
        return t.Contains("recommendation", StringComparison.Ordinal) ? ItemKind.Recommendation
            : t.Contains("improvement action", StringComparison.Ordinal) || t.Contains(" action", StringComparison.Ordinal) ? ItemKind.ImprovementAction
            : t.Contains("duty", StringComparison.Ordinal) || t.Contains("statutory", StringComparison.Ordinal) ? ItemKind.StatutoryDuty
            : t.Contains("question", StringComparison.Ordinal) || t.Contains("letter", StringComparison.Ordinal) || t.Contains("request", StringComparison.Ordinal) ? ItemKind.Question
            : null;
    }

    private const int MaxNearScan = 20_000;

    private static async Task<List<(TrackedItem Item, int Score)>> NearAsync(IItemStore items, IReadOnlyList<string> terms, ItemKind? kind, CancellationToken ct)
    {
        var wanted = terms.Where(t => t.Length >= 3).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var need = Math.Max(1, (int)Math.Ceiling(wanted.Count * 0.6));
        var list = new List<(TrackedItem, int)>();
        var scanned = 0;
        await foreach (var item in items.AllAsync(ct))
        {
            if (++scanned > MaxNearScan)
            {
                break;
            }

            var hay = SearchTerms.ForItem(item);
            var exact = wanted.Count(hay.Contains);
            var near = wanted.Count(t => !hay.Contains(t) && hay.Any(h => ItemText.Near(t, h)));
            if (exact + near >= need)
            {
                list.Add((item, (exact * 4) + (near * 3) + (item.Kind == kind ? 1 : 0)));
            }
        }

        return [.. list.OrderByDescending(x => x.Item2).ThenBy(x => x.Item1.Id, Comparer<string>.Create(ListHandler.IdOrder))];
    }

    /// <summary>Searches and lists return items without their history; the one item a reply is about is read whole.</summary>
    private static async Task<TrackedItem> WholeAsync(IItemStore items, TrackedItem found, CancellationToken ct) =>
        found.Occurrence is null ? await items.GetAsync(found.Id, ct) ?? found : found;

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
