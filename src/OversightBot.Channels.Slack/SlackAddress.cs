using System.Text.Json;
using System.Text.Json.Serialization;
using OversightBot.Core.Ports;

namespace OversightBot.Channels.Slack;

/// <summary>The Slack payload of a user's conversation reference: their workspace and, once opened, the DM channel.</summary>
public sealed record SlackAddress
{
    public const string ChannelName = "slack";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string? TeamId { get; init; }
    public required string UserId { get; init; }
    /// <summary>The bot's direct-message channel with the user (D…); null until opened.</summary>
    public string? DmChannel { get; init; }

    public static ReferenceKey UserKey(string userId) => ReferenceKey.ForUser(ChannelName, userId);

    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    public static SlackAddress? From(ConversationReference reference)
    {
        try
        {
            return JsonSerializer.Deserialize<SlackAddress>(reference.Payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
