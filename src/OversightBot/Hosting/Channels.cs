using OversightBot.Channels.Slack;
using OversightBot.Channels.Teams;

namespace OversightBot.Hosting;

/// <summary>
/// The chat channels the web host serves, registered and mapped from configuration: each channel project offers
/// <c>AddX(configuration)</c> and <c>MapX()</c>; a channel without its settings registers in its own safe mode
/// (Teams: development, loopback only; Slack: endpoints 404, no sender) and says so in one log line.
/// </summary>
public static class Channels
{
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTeamsChannel(configuration);
        services.AddSlackChannel(configuration);
        return services;
    }

    public static void MapChannels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTeamsChannel();
        endpoints.MapSlackChannel();
    }
}
