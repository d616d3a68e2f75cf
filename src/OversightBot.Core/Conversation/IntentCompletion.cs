using OversightBot.Core.Domain;
using OversightBot.Core.Handlers;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Conversation;

/// <summary>
/// Completes what the recognizer left open, using the store: a board named without the word "board", text that
/// names one item, an update that names its item in words, and a "named thing" that is really an owner or a board.
/// </summary>
public sealed class IntentCompletion(IItemStore items, BoardsHandler boards, OwnerHandler owners)
{
    public async Task<(Intent Intent, Reply? Early)> CompleteAsync(Understanding understanding, string text, AskContext ctx, CancellationToken ct)
    {
        var intent = understanding.Intent;
        if (intent is Unknown or BoardsQuery { Board: null } && await boards.MentionedInAsync(text, ct) is { } board)
        {
            return (new BoardsQuery(board.Name), null);
        }

        if (intent is Unknown && await NamesAnItemAsync(text, ct))
        {
            return (new StatusQuery(null, text), null);
        }

        if (intent is UpdateItem { ItemId: "", Words: { } words } update)
        {
            var found = await ItemLookup.FindAsync(items, null, words, ct);
            var visible = found.Candidates.Where(i => Permissions.CanRead(ctx.Asker, i)).ToList();
            return found.Item is { } item && Permissions.CanRead(ctx.Asker, item)
                ? (update with { ItemId = item.Id }, null)
                : (intent, Choice.Reply(update.Name, words, visible, "status", ctx.Today) with { IsError = true });
        }

        if (intent is StatusQuery { ItemId: null, Words: { } named } q)
        {
            return (await InsteadOfItemAsync(q, named, ct) ?? intent, null);
        }

        return (intent, null);
    }

    /// <summary>Words that name no single item but a board ("the next LCRB meeting") or an owner ("the Partnership Team").</summary>
    private async Task<Intent?> InsteadOfItemAsync(StatusQuery q, string named, CancellationToken ct)
    {
        var ownerWords = OwnerPart(named);
        if (ownerWords is not null && await StrongOwnerAsync(ownerWords, ct) is { } whose)
        {
            return q.Aspect == ItemAspect.Due ? new ListQuery(new ItemFilter { Owner = whose }) : new OwnerQuery(whose, false);
        }

        var found = await ItemLookup.FindAsync(items, null, named, ct);
        if (found.Item is not null && Strength(found.Item, named) >= 2)
        {
            return null;
        }

        if (await boards.MentionedInAsync(named, ct) is { } board && (found.Item is null || named.Contains("meeting", StringComparison.OrdinalIgnoreCase) || named.Contains("minutes", StringComparison.OrdinalIgnoreCase)))
        {
            return new BoardsQuery(board.Name);
        }

        if (await StrongOwnerAsync(named, ct) is { } owner)
        {
            return q.Aspect == ItemAspect.Due
                ? new ListQuery(new ItemFilter { Owner = owner })
                : new OwnerQuery(owner, false);
        }

        return null;
    }

    /// <summary>"the Partnership Team's work" → "the Partnership Team": a possessive before a general noun names an owner.</summary>
    private static string? OwnerPart(string named)
    {
        foreach (var mark in new[] { "'s ", "s' " })
        {
            var at = named.IndexOf(mark, StringComparison.Ordinal);
            if (at > 0 && named[(at + mark.Length)..].Trim() is "work" or "items" or "actions" or "recommendations" or "deadlines" or "stuff" or "things" or "list" or "tasks")
            {
                return named[..at];
            }
        }

        return null;
    }

    private static int Strength(TrackedItem item, string words)
    {
        var terms = SearchTerms.ForQuery(words);
        var hay = SearchTerms.ForItem(item);
        return terms.Count(hay.Contains);
    }

    /// <summary>The words when every one of them names the same owner (or its initials or a person), else null.</summary>
    private async Task<string?> StrongOwnerAsync(string words, CancellationToken ct)
    {
        var (resolved, label) = await owners.ResolveAsync(words, ct);
        if (resolved.Count == 0)
        {
            return null;
        }

        var terms = SearchTerms.ForQuery(words);
        var all = SearchTerms.ForQuery(string.Join(' ', resolved) + " " + label);
        return terms.All(t => all.Contains(t) || all.Any(a => OwnerNames.Close(t, a))) || OwnerNames.ByInitials(resolved, words).Count > 0 ? words : null;
    }

    /// <summary>Text the recognizer could not place that clearly names one item ("show me the Black Thrive review").</summary>
    private async Task<bool> NamesAnItemAsync(string text, CancellationToken ct)
    {
        var terms = SearchTerms.ForQuery(text);
        if (terms.Count < 2)
        {
            return false;
        }

        var found = await items.SearchAsync(terms, 1, ct);
        return found.Count > 0 && terms.Count(SearchTerms.ForItem(found[0]).Contains) >= 2;
    }
}
