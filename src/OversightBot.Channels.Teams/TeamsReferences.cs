using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Channels.Teams;

/// <summary>Keeps conversation references fresh from inbound activities (user and, in channels, the channel).</summary>
public sealed class TeamsReferences(IConversationReferenceStore store, TimeProvider clock)
{
    public const string ChannelName = "msteams";
    private static readonly TimeSpan Refresh = TimeSpan.FromHours(1);

    /// <summary>The key of a Teams user's reference: their Entra object id, else their Teams user id.</summary>
    public static ReferenceKey UserKey(string aadObjectIdOrUserId) => ReferenceKey.ForUser(ChannelName, aadObjectIdOrUserId);

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
            var key = ReferenceKey.ForConversation(ChannelName, channelId);
            var existing = await store.GetReferenceAsync(key, ct);
            var address = new TeamsAddress
            {
                ServiceUrl = serviceUrl,
                ConversationId = channelId,
                TenantId = activity.TenantId,
                BotId = activity.Recipient?.Id,
                Scope = "channel",
                TeamId = activity.TeamId ?? Known(existing)?.TeamId,
            };
            await SaveIfChangedAsync(existing, ConversationReference.Create(key, address.ToPayload(), now), ct);
        }

        if (activity.From?.Id is { Length: > 0 } userId && activity.From.Role != "bot")
        {
            var key = UserKey(activity.From.AadObjectId ?? userId);
            var existing = await store.GetReferenceAsync(key, ct);
            var known = Known(existing);
            var address = new TeamsAddress
            {
                ServiceUrl = serviceUrl,
                ConversationId = type == "personal" ? conversationId : known?.ConversationId,
                TenantId = activity.TenantId ?? known?.TenantId,
                BotId = activity.Recipient?.Id ?? known?.BotId,
                UserId = userId,
                AadObjectId = activity.From.AadObjectId,
                Scope = "personal",
            };
            await SaveIfChangedAsync(existing, ConversationReference.Create(key, address.ToPayload(), now, person?.Email ?? existing?.Email), ct);
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
            await store.MarkReferenceGoneAsync(ReferenceKey.ForConversation(ChannelName, BaseConversationId(conversationId)), now, ct);
        }
        else if (activity.From?.Id is { } userId)
        {
            await store.MarkReferenceGoneAsync(UserKey(activity.From.AadObjectId ?? userId), now, ct);
        }
    }

    /// <summary>A channel message's conversation id carries ";messageid=..." for the thread; the channel is the part before.</summary>
    public static string BaseConversationId(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }

    private static TeamsAddress? Known(ConversationReference? reference) => reference is null ? null : TeamsAddress.From(reference);

    private async Task SaveIfChangedAsync(ConversationReference? existing, ConversationReference fresh, CancellationToken ct)
    {
        if (existing is not null && !existing.Gone && existing with { UpdatedAt = fresh.UpdatedAt } == fresh && fresh.UpdatedAt - existing.UpdatedAt < Refresh)
        {
            return;
        }

        await store.SaveReferenceAsync(fresh, ct);
    }
}
