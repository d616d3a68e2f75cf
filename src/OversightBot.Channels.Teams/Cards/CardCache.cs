using System.Runtime.CompilerServices;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Teams.Cards;

/// <summary>
/// The rendered card of a reply, kept as long as the reply object lives. Answers to the same question are the
/// same (cached) reply until the store changes, so a burst of "what's overdue?" renders one card. The card is
/// held as immutable UTF-8 JSON, safe to send from many requests at once.
/// </summary>
public static class CardCache
{
    private static readonly ConditionalWeakTable<Reply, Rendered> Cards = [];

    private sealed record Rendered(int MaxBytes, RawJson Card);

    public static RawJson Get(Reply reply, int maxBytes)
    {
        if (!Cards.TryGetValue(reply, out var rendered) || rendered.MaxBytes != maxBytes)
        {
            rendered = new Rendered(maxBytes, RawJson.Parse(AdaptiveCardRenderer.RenderJson(reply, maxBytes)));
            Cards.AddOrUpdate(reply, rendered);
        }

        return rendered.Card;
    }
}
