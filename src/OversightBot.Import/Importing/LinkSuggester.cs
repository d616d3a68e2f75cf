using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Import.Drafting;

namespace OversightBot.Import.Importing;

/// <summary>
/// Existing items from other documents that seem to address the same thing as a draft (shared words in the title and
/// text), so the clerk can link them: one action, many sources. Suggestions only; nothing is linked automatically.
/// </summary>
public static class LinkSuggester
{
    public const double Threshold = 0.34;

    public static async Task<IReadOnlyList<SuggestedLink>> SuggestAsync(IItemStore store, Draft draft, CancellationToken ct)
    {
        var terms = SearchTerms.ForQuery(draft.Title);
        if (terms.Count < 2)
        {
            return [];
        }

        var candidates = await store.SearchAsync(terms, 10, ct);
        return candidates
            .Where(c => !string.Equals(DraftIds.Normalise(c.Source.Document), DraftIds.Normalise(draft.Source.Document), StringComparison.Ordinal))
            .Select(c => new SuggestedLink(c.Id, c.Title, Score(terms, SearchTerms.ForQuery(c.Title))))
            .Where(s => s.Score >= Threshold)
            .OrderByDescending(s => s.Score)
            .Take(3)
            .ToList();
    }

    private static double Score(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var shared = a.Intersect(b, StringComparer.Ordinal).Count();
        var union = a.Union(b, StringComparer.Ordinal).Count();
        return union == 0 ? 0 : Math.Round((double)shared / union, 2);
    }
}
