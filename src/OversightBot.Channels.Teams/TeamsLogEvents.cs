using Microsoft.Extensions.Logging;

namespace OversightBot.Channels.Teams;

/// <summary>The fixed event id of every log line the Teams channel writes (3000–3999), so operators can filter and alert on them.</summary>
public static class TeamsLogEvents
{
    public static readonly EventId DevelopmentMode = new(3001, nameof(DevelopmentMode));
    public static readonly EventId AuthenticationOn = new(3002, nameof(AuthenticationOn));
    public static readonly EventId NonLoopbackRefused = new(3010, nameof(NonLoopbackRefused));
    public static readonly EventId ActivityRejected = new(3011, nameof(ActivityRejected));
    public static readonly EventId MalformedActivity = new(3012, nameof(MalformedActivity));
    public static readonly EventId ServiceUrlRefused = new(3020, nameof(ServiceUrlRefused));
    public static readonly EventId ConnectorUnreachable = new(3021, nameof(ConnectorUnreachable));
    public static readonly EventId ConnectorError = new(3022, nameof(ConnectorError));
    public static readonly EventId ConnectorThrottled = new(3023, nameof(ConnectorThrottled));
    public static readonly EventId TokenEndpointFailed = new(3030, nameof(TokenEndpointFailed));
    public static readonly EventId TokenEndpointErrorBody = new(3031, nameof(TokenEndpointErrorBody));
    public static readonly EventId TokenObtained = new(3032, nameof(TokenObtained));
    public static readonly EventId UnknownPerson = new(3040, nameof(UnknownPerson));
    public static readonly EventId PersonAlreadyLinked = new(3041, nameof(PersonAlreadyLinked));
    public static readonly EventId PersonLinked = new(3042, nameof(PersonLinked));
    public static readonly EventId ActivityWithoutConversation = new(3050, nameof(ActivityWithoutConversation));
    public static readonly EventId ActivityIgnored = new(3051, nameof(ActivityIgnored));
    public static readonly EventId SlowCardActionUndelivered = new(3052, nameof(SlowCardActionUndelivered));
    public static readonly EventId ReplyNotDelivered = new(3053, nameof(ReplyNotDelivered));
    public static readonly EventId ProactiveSent = new(3060, nameof(ProactiveSent));
    public static readonly EventId MetadataUnreadable = new(3070, nameof(MetadataUnreadable));
    public static readonly EventId KeysRefetched = new(3071, nameof(KeysRefetched));
    public static readonly EventId MetadataRefetchFailed = new(3072, nameof(MetadataRefetchFailed));
}
