using Microsoft.Extensions.Logging;

namespace OversightBot.Channels.Slack;

/// <summary>The fixed event id of every log line the Slack channel writes (4000–4999), so operators can filter and alert on them.</summary>
public static class SlackLogEvents
{
    public static readonly EventId SlackApiClientWarning1 = new(4001, nameof(SlackApiClientWarning1));
    public static readonly EventId SlackBotWarning1 = new(4002, nameof(SlackBotWarning1));
    public static readonly EventId SlackChannelInformation1 = new(4003, nameof(SlackChannelInformation1));
    public static readonly EventId SlackChannelInformation2 = new(4004, nameof(SlackChannelInformation2));
    public static readonly EventId SlackCommandsWarning1 = new(4005, nameof(SlackCommandsWarning1));
    public static readonly EventId SlackCommandsError2 = new(4006, nameof(SlackCommandsError2));
    public static readonly EventId SlackEndpointsWarning1 = new(4007, nameof(SlackEndpointsWarning1));
    public static readonly EventId SlackEventQueueError1 = new(4008, nameof(SlackEventQueueError1));
    public static readonly EventId SlackInteractionsWarning1 = new(4009, nameof(SlackInteractionsWarning1));
    public static readonly EventId SlackPeopleInformation1 = new(4010, nameof(SlackPeopleInformation1));
    public static readonly EventId SlackPeopleWarning2 = new(4011, nameof(SlackPeopleWarning2));
    public static readonly EventId SlackSenderInformation1 = new(4012, nameof(SlackSenderInformation1));
    public static readonly EventId SocketModeEnvelopesInformation1 = new(4013, nameof(SocketModeEnvelopesInformation1));
    public static readonly EventId SocketModeEnvelopesInformation2 = new(4014, nameof(SocketModeEnvelopesInformation2));
    public static readonly EventId SocketModeServiceWarning1 = new(4015, nameof(SocketModeServiceWarning1));
    public static readonly EventId SocketModeServiceError2 = new(4016, nameof(SocketModeServiceError2));
    public static readonly EventId SocketModeServiceWarning3 = new(4017, nameof(SocketModeServiceWarning3));
    public static readonly EventId SocketModeServiceWarning4 = new(4018, nameof(SocketModeServiceWarning4));
}
