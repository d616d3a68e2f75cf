using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Channels.Teams;

/// <summary>Keeps conversation references fresh from inbound activities (user and, in channels, the channel).</summary>
public sealed class TeamsReferences(IConversationReferenceStore store, TimeProvider clock)
{
    public const string ChannelName = "msteams";
    private static readonly TimeSpan Refresh = TimeSpan.FromHours(1);

    public async Task RememberAsync(Activity activity, Person? person, CancellationToken ct)
    {
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var type = activity.Conversation.ConversationType ?? "personal";
        if (type == "channel")
        {
            var channelId = BaseConversationId(conversationId);
            var key = ConversationReference.ChannelKey(ChannelName, channelId);
            var existing = await store.GetReferenceAsync(key, ct);
            var fresh = new ConversationReference
            {
                Id = key,
                ServiceUrl = serviceUrl,
                ConversationId = channelId,
                TenantId = activity.TenantId,
                BotId = activity.Recipient?.Id,
                Scope = "channel",
                TeamId = activity.TeamId ?? existing?.TeamId,
                UpdatedAt = now,
            };
            await SaveIfChangedAsync(existing, fresh, ct);
        }

        if (activity.From?.Id is { Length: > 0 } userId && activity.From.Role != "bot")
        {
            var key = ConversationReference.UserKey(ChannelName, activity.From.AadObjectId ?? userId);
            var existing = await store.GetReferenceAsync(key, ct);
            var fresh = new ConversationReference
            {
                Id = key,
                ServiceUrl = serviceUrl,
                ConversationId = type == "personal" ? conversationId : existing?.ConversationId,
                TenantId = activity.TenantId ?? existing?.TenantId,
                BotId = activity.Recipient?.Id ?? existing?.BotId,
                UserId = userId,
                AadObjectId = activity.From.AadObjectId,
                Email = person?.Email ?? existing?.Email,
                Scope = "personal",
                UpdatedAt = now,
            };
            await SaveIfChangedAsync(existing, fresh, ct);
        }
    }

    /// <summary>The bot was removed from a conversation: stop sending there.</summary>
    public async Task ForgetAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Conversation?.Id is not { } conversationId)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (activity.Conversation.ConversationType == "channel")
        {
            await store.MarkReferenceGoneAsync(ConversationReference.ChannelKey(ChannelName, BaseConversationId(conversationId)), now, ct);
        }
        else if (activity.From?.Id is { } userId)
        {
            await store.MarkReferenceGoneAsync(ConversationReference.UserKey(ChannelName, activity.From.AadObjectId ?? userId), now, ct);
        }
    }

    /// <summary>A channel message's conversation id carries ";messageid=..." for the thread; the channel is the part before.</summary>
    public static string BaseConversationId(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }

    private async Task SaveIfChangedAsync(ConversationReference? existing, ConversationReference fresh, CancellationToken ct)
    {
        if (existing is not null && !existing.Gone && existing with { UpdatedAt = fresh.UpdatedAt } == fresh && fresh.UpdatedAt - existing.UpdatedAt < Refresh)
        {
            return;
        }

        await store.SaveReferenceAsync(fresh, ct);
    }
}
