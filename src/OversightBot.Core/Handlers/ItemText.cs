using OversightBot.Core.Domain;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>The words an item can be picked out by in a filter: its search terms plus its source, issuer and text.</summary>
public static class ItemText
{
    private static readonly HashSet<string> Ignorable = new(StringComparer.Ordinal)
    {
        "item", "items", "thing", "things", "one", "ones", "we", "our", "us", "need", "do", "did", "have", "has", "been", "when", "who",
        "due", "deadline", "was", "were", "will", "should", "must", "get", "got", "any", "all",
    };

    /// <summary>True when every word (ignoring filler) is found in the item, allowing a small misspelling or a word's start.</summary>
    public static bool Matches(TrackedItem item, IReadOnlyCollection<string> words)
    {
        var wanted = words.Where(w => !Ignorable.Contains(w)).ToList();
        if (wanted.Count == 0)
        {
            return true;
        }

        var hay = Hay(item);
        return wanted.All(w => hay.Contains(w) || hay.Any(h => Near(w, h)));
    }

    public static HashSet<string> Hay(TrackedItem item)
    {
        var hay = new HashSet<string>(SearchTerms.ForItem(item), StringComparer.Ordinal);
        foreach (var t in SearchTerms.ForQuery($"{item.Source.Document} {item.Source.Issuer} {item.SubKind} {item.Text} {item.DueRule} {ReplyItems.KindName(item.Kind)} {Say.Kind(item.Kind)}"))
        {
            hay.Add(t);
        }

        return hay;
    }

    /// <summary>A typed word close to an item word: one edit for five letters or more, two for nine, or its start.</summary>
    public static bool Near(string typed, string word) =>
        OwnerNames.Close(typed, word) || (typed.Length >= 5 && word.StartsWith(typed, StringComparison.Ordinal));
}
