using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OversightBot.Core.Conversation;
using OversightBot.Core.Ports;

namespace OversightBot.Channels.Teams;

/// <summary>Wiring: <c>services.AddTeamsChannel(configuration)</c> and <c>app.MapTeamsChannel()</c>.</summary>
public static class TeamsChannel
{
    public const string HttpClientName = "OversightBot.Teams";
    public const string InteractiveClientName = "OversightBot.Teams.Interactive";
    public const string ProactiveClientName = "OversightBot.Teams.Proactive";
    public const string Route = "/api/messages";

    /// <summary>
    /// Registers the Teams adapter. Needs <c>ConversationService</c>, <see cref="IPersonStore"/> and
    /// <see cref="IConversationReferenceStore"/> from the host.
    /// </summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // The default handlers log every URL (conversation ids) at Information: removed. Tokens and keys: no retry layer
        // (their callers decide); interactive Connector calls: a brief retry pipeline; proactive sends: none, the
        // outbox dispatcher owns their retries and 429 pacing.
        services.AddHttpClient(HttpClientName, ConfigureClient).RemoveAllLoggers();
        services.AddHttpClient(InteractiveClientName, ConfigureClient).RemoveAllLoggers()
            .AddResilienceHandler("teams-interactive", (pipeline, context) => ConnectorResilience.Configure(
                pipeline, context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value, context.ServiceProvider.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(ProactiveClientName, ConfigureClient).RemoveAllLoggers();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<BotTokenProvider>();
        services.TryAddSingleton<ConnectorClient>();
        services.TryAddSingleton<TeamsAuthenticator>();
        services.TryAddSingleton<AccountLinker>();
        services.TryAddSingleton<TeamsPeople>();
        services.TryAddSingleton<TeamsReferences>();
        services.TryAddSingleton<TeamsBot>();
        services.TryAddSingleton<TeamsSender>();
        services.TryAddSingleton<CardActionWork>();
        services.AddSingleton<IWorkHandler>(sp => sp.GetRequiredService<CardActionWork>());
        services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<TeamsSender>());
        return services;
    }

    private static void ConfigureClient(HttpClient client)
    {
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("OversightBot/1.0");
    }

    /// <summary>Maps <c>/api/messages</c> (all methods, so that others get 405) and logs the auth mode once.</summary>
    public static IEndpointConventionBuilder MapTeamsChannel(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var log = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("OversightBot.Teams");
        if (options.IsDevelopmentMode)
        {
            log.LogWarning(TeamsLogEvents.DevelopmentMode, "Teams: no Teams:AppId — authentication is OFF and {Route} accepts requests from loopback only", Route);
        }
        else
        {
            log.LogInformation(TeamsLogEvents.AuthenticationOn, "Teams: {Route} authenticates Bot Framework tokens for app {AppId}", Route, options.AppId);
        }

        return endpoints.Map(Route, TeamsEndpoint.HandleAsync);
    }
}

internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
