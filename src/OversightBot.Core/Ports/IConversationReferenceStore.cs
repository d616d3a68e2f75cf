namespace OversightBot.Core.Ports;

/// <summary>
/// Where a channel can reach someone later without being asked: the service endpoint, conversation and ids a
/// proactive message needs. One per user (<see cref="ConversationReference.UserKey"/>) and one per team channel
/// (<see cref="ConversationReference.ChannelKey"/>).
/// </summary>
public sealed record ConversationReference
{
    /// <summary>"msteams:user:{aadObjectId or user id}" or "msteams:channel:{conversation id}".</summary>
    public required string Id { get; init; }
    public string Channel { get; init; } = "msteams";
    public required string ServiceUrl { get; init; }
    /// <summary>The 1:1 (personal) conversation for a user, the channel conversation for a channel; null until known.</summary>
    public string? ConversationId { get; init; }
    public string? TenantId { get; init; }
    /// <summary>The bot's own id in this channel ("28:{appId}").</summary>
    public string? BotId { get; init; }
    /// <summary>The channel's id for the user ("29:...").</summary>
    public string? UserId { get; init; }
    public string? AadObjectId { get; init; }
    /// <summary>Lower-case email of the person, when the store knows them.</summary>
    public string? Email { get; init; }
    /// <summary>"personal", "channel" or "groupChat".</summary>
    public string Scope { get; init; } = "personal";
    public string? TeamId { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The recipient removed the app (or the bot was removed): never send again until they come back.</summary>
    public bool Gone { get; init; }
    public DateTimeOffset? GoneAt { get; init; }

    public static string UserKey(string channel, string userId) => $"{channel}:user:{userId}";

    public static string ChannelKey(string channel, string conversationId) => $"{channel}:channel:{conversationId}";
}

public interface IConversationReferenceStore
{
    /// <summary>Inserts or replaces the reference with the same <see cref="ConversationReference.Id"/>.</summary>
    Task SaveReferenceAsync(ConversationReference reference, CancellationToken ct);

    Task<ConversationReference?> GetReferenceAsync(string id, CancellationToken ct);

    /// <summary>The newest user reference for a person by email (any channel named), or null.</summary>
    Task<ConversationReference?> FindReferenceByEmailAsync(string channel, string email, CancellationToken ct);

    /// <summary>The user reference for a channel user id or Entra object id, or null.</summary>
    Task<ConversationReference?> FindReferenceByUserAsync(string channel, string userIdOrAadObjectId, CancellationToken ct);

    /// <summary>Every channel (team) reference of a channel that is not gone.</summary>
    Task<IReadOnlyList<ConversationReference>> ChannelReferencesAsync(string channel, CancellationToken ct);

    /// <summary>Flags the reference as gone (the outbox's "recipient gone"); a later inbound activity revives it.</summary>
    Task MarkReferenceGoneAsync(string id, DateTimeOffset at, CancellationToken ct);
}
