namespace OversightBot.Core.Ports;

/// <summary>
/// The neutral key of a conversation reference: the channel ("msteams", "slack"), the scope (<see cref="User"/>:
/// a person's account; <see cref="Conversation"/>: a team channel or shared conversation) and the channel's id
/// within that scope. Written as "{channel}:{scope}:{id}".
/// </summary>
public readonly record struct ReferenceKey(string Channel, string Scope, string Id)
{
    public const string User = "user";
    public const string Conversation = "channel";

    public static ReferenceKey ForUser(string channel, string accountId) => new(channel, User, accountId);

    public static ReferenceKey ForConversation(string channel, string conversationId) => new(channel, Conversation, conversationId);

    public override string ToString() => $"{Channel}:{Scope}:{Id}";

    /// <summary>Reads "{channel}:{scope}:{id}" (the id may contain ':'); null when it is not a key.</summary>
    public static ReferenceKey? Parse(string text)
    {
        var first = text.IndexOf(':', StringComparison.Ordinal);
        var second = first < 0 ? -1 : text.IndexOf(':', first + 1);
        return first > 0 && second > first + 1 && second < text.Length - 1
            ? new ReferenceKey(text[..first], text[(first + 1)..second], text[(second + 1)..])
            : null;
    }
}

/// <summary>
/// Where a channel can reach someone later without being asked. The store knows only the neutral parts (key,
/// email, when it changed, whether the recipient is gone); <see cref="Payload"/> is the channel's own JSON (the
/// service URL and ids a Teams message needs, the team and DM channel a Slack message needs), read and written
/// only by that channel.
/// </summary>
public sealed record ConversationReference
{
    /// <summary>The key as text ("{channel}:{scope}:{id}"); the stored document's id.</summary>
    public required string Id { get; init; }
    public required string Channel { get; init; }
    /// <summary><see cref="ReferenceKey.User"/> or <see cref="ReferenceKey.Conversation"/>.</summary>
    public required string Scope { get; init; }
    /// <summary>The channel's id within the scope: the person's account id or the conversation id.</summary>
    public required string Target { get; init; }
    /// <summary>Lower-case email of the person, when the store knows them (user references).</summary>
    public string? Email { get; init; }
    /// <summary>The channel's own data as JSON; opaque to the core and the store.</summary>
    public string Payload { get; init; } = "{}";
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The recipient removed the app (or the bot was removed): never send again until they come back.</summary>
    public bool Gone { get; init; }
    public DateTimeOffset? GoneAt { get; init; }

    public ReferenceKey Key() => new(Channel, Scope, Target);

    public static ConversationReference Create(ReferenceKey key, string payload, DateTimeOffset updatedAt, string? email = null) => new()
    {
        Id = key.ToString(),
        Channel = key.Channel,
        Scope = key.Scope,
        Target = key.Id,
        Payload = payload,
        UpdatedAt = updatedAt,
        Email = email,
    };
}

public interface IConversationReferenceStore
{
    /// <summary>Inserts or replaces the reference with the same key.</summary>
    Task SaveReferenceAsync(ConversationReference reference, CancellationToken ct);

    Task<ConversationReference?> GetReferenceAsync(ReferenceKey key, CancellationToken ct);

    /// <summary>The newest user reference of a channel for a person by email, or null.</summary>
    Task<ConversationReference?> FindReferenceByEmailAsync(string channel, string email, CancellationToken ct);

    /// <summary>Every conversation (team channel) reference of a channel that is not gone.</summary>
    Task<IReadOnlyList<ConversationReference>> ChannelReferencesAsync(string channel, CancellationToken ct);

    /// <summary>Flags the reference as gone (the outbox's "recipient gone"); a later inbound message revives it.</summary>
    Task MarkReferenceGoneAsync(ReferenceKey key, DateTimeOffset at, CancellationToken ct);
}
