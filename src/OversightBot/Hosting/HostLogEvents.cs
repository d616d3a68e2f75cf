using Microsoft.Extensions.Logging;

namespace OversightBot.Hosting;

/// <summary>
/// The fixed event ids of the host's log lines (1000–1999; the proactive scheduler uses 6000–6999 in its own
/// <c>[LoggerMessage]</c> declarations, the Teams channel 3000–3999 in <c>TeamsLogEvents</c>).
/// </summary>
public static class HostLogEvents
{
    public static readonly EventId StoreOpened = new(1001, nameof(StoreOpened));
    public static readonly EventId TelemetryOn = new(1101, nameof(TelemetryOn));
    public static readonly EventId TrustedProxies = new(1201, nameof(TrustedProxies));
    public static readonly EventId ProxiedRefused = new(1202, nameof(ProxiedRefused));
    public static readonly EventId ProxiedTeamsRefused = new(1203, nameof(ProxiedTeamsRefused));
    public static readonly EventId UnreadableBody = new(1210, nameof(UnreadableBody));
    public static readonly EventId WorkQueueUnreadable = new(1220, nameof(WorkQueueUnreadable));
    public static readonly EventId AdminUnavailable = new(1230, nameof(AdminUnavailable));
}
