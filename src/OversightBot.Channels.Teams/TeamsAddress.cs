using System.Text.Json;
using OversightBot.Core.Ports;

namespace OversightBot.Channels.Teams;

/// <summary>
/// The Teams payload of a conversation reference: what the Connector needs to reach the user or channel.
/// Stored as JSON (camel-case names) in <see cref="ConversationReference.Payload"/>.
/// </summary>
public sealed record TeamsAddress
{
    public required string ServiceUrl { get; init; }
    /// <summary>The 1:1 (personal) conversation for a user, the channel conversation for a channel; null until known.</summary>
    public string? ConversationId { get; init; }
    public string? TenantId { get; init; }
    /// <summary>The bot's own id in this channel ("28:{appId}").</summary>
    public string? BotId { get; init; }
    /// <summary>The channel's id for the user ("29:...").</summary>
    public string? UserId { get; init; }
    public string? AadObjectId { get; init; }
    /// <summary>"personal", "channel" or "groupChat".</summary>
    public string Scope { get; init; } = "personal";
    public string? TeamId { get; init; }

    public string ToPayload() => JsonSerializer.Serialize(this, TeamsJson.Options);

    /// <summary>The address in a reference's payload; null when the payload has no service URL.</summary>
    public static TeamsAddress? From(ConversationReference reference)
    {
        try
        {
            return JsonSerializer.Deserialize<TeamsAddress>(reference.Payload, TeamsJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
