using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Teams.Cards;

/// <summary>
/// The rendered card of a reply, kept as long as the reply object lives. Answers to the same question are the
/// same (cached) reply until the store changes, so a burst of "what's overdue?" renders one card. The card is
/// held as an immutable <see cref="JsonElement"/>, safe to send from many requests at once.
/// </summary>
public static class CardCache
{
    private static readonly ConditionalWeakTable<Reply, Rendered> Cards = [];

    private sealed record Rendered(int MaxBytes, JsonElement Card);

    public static JsonNode Get(Reply reply, int maxBytes)
    {
        if (!Cards.TryGetValue(reply, out var rendered) || rendered.MaxBytes != maxBytes)
        {
            var json = AdaptiveCardRenderer.RenderJson(reply, maxBytes);
            using var doc = JsonDocument.Parse(json);
            rendered = new Rendered(maxBytes, doc.RootElement.Clone());
            Cards.AddOrUpdate(reply, rendered);
        }

        return JsonObject.Create(rendered.Card)!;
    }
}
