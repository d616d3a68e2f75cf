using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OversightBot.Channels.Teams;

/// <summary>The Bot Framework activity, as much of it as this bot reads or writes (camelCase JSON).</summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? ReplyToId { get; set; }
    public string? Action { get; set; }
    public string? Summary { get; set; }
    public string? Locale { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public List<ActivityEntity>? Entities { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public JsonElement? ChannelData { get; set; }
    public JsonElement? Value { get; set; }

    /// <summary>The tenant from <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    [JsonIgnore]
    public string? TenantId =>
        ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : Conversation?.TenantId;

    /// <summary>The team id from <c>channelData.team.id</c> (channel conversations only).</summary>
    [JsonIgnore]
    public string? TeamId =>
        ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
        && team.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public bool? IsGroup { get; set; }
}

public sealed class ActivityEntity
{
    public string? Type { get; set; }
    public string? Text { get; set; }
    public ChannelAccount? Mentioned { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public RawJson? Content { get; set; }
}

/// <summary>A Teams user as returned by the Connector's member lookup (email comes from here).</summary>
public sealed class TeamsMember
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
}

public sealed class ResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}

/// <summary>JSON settings for the Bot Framework wire format.</summary>
public static class TeamsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // JSON to a JSON reader, never embedded in HTML: keep apostrophes and "·" readable and the card small.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
