using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OversightBot.Channels.Slack.Api;
using OversightBot.Core.Conversation;
using OversightBot.Core.Ports;
using Polly;

namespace OversightBot.Channels.Slack;

/// <summary>Wiring: <c>services.AddSlackChannel(configuration)</c> and <c>app.MapSlackChannel()</c>.</summary>
public static class SlackChannel
{
    public const string HttpClientName = "OversightBot.Slack";
    public const string EventsRoute = "/slack/events";
    public const string CommandsRoute = "/slack/commands";
    public const string InteractionsRoute = "/slack/interactions";

    /// <summary>
    /// Registers the Slack adapter. Needs <c>ConversationService</c>, <see cref="IPersonStore"/>,
    /// <see cref="IConversationReferenceStore"/> and <see cref="IWorkQueue"/> from the host (whose worker runs the
    /// registered <see cref="IWorkHandler"/>s). The sender is registered only with a bot token.
    /// </summary>
    public static IServiceCollection AddSlackChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, c =>
        {
            c.Timeout = TimeSpan.FromSeconds(30);
            c.DefaultRequestHeaders.UserAgent.ParseAdd("OversightBot/1.0");
        }).RemoveAllLoggers().AddResilienceHandler("slack", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
            pipeline.AddRetry(RetryOptions(options.MaxInlineRetryWait));
            pipeline.AddTimeout(TimeSpan.FromSeconds(10));
        });
        services.TryAddSingleton<AccountLinker>();
        services.TryAddSingleton<SlackApiClient>();
        services.TryAddSingleton<SlackPeople>();
        services.TryAddSingleton<SlackHome>();
        services.TryAddSingleton<SlackBot>();
        services.TryAddSingleton<SlackCommands>();
        services.TryAddSingleton<SlackInteractions>();
        services.TryAddSingleton<SlackEventWork>();
        services.TryAddSingleton<SlackCommandWork>();
        services.AddSingleton<IWorkHandler>(sp => sp.GetRequiredService<SlackEventWork>());
        services.AddSingleton<IWorkHandler>(sp => sp.GetRequiredService<SlackCommandWork>());
        services.TryAddSingleton<DurableSlackEventQueue>();
        services.TryAddSingleton<ISlackEventQueue>(sp => sp.GetRequiredService<DurableSlackEventQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<DurableSlackEventQueue>());
        services.TryAddSingleton<SocketMode.SocketModeEnvelopes>();
        services.TryAddSingleton<SlackSender>();
        var section = configuration.GetSection(SlackOptions.Section);
        if (!string.IsNullOrWhiteSpace(section["BotToken"]))
        {
            services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<SlackSender>());
        }

        if (!string.IsNullOrWhiteSpace(section["AppToken"]))
        {
            services.AddHostedService<SocketMode.SocketModeService>();
        }

        return services;
    }

    /// <summary>
    /// Retries a 429 after its Retry-After when that is short; retries timeouts, lost connections and 5xx only for
    /// requests marked idempotent (a repeated chat.postMessage would post twice).
    /// </summary>
    internal static HttpRetryStrategyOptions RetryOptions(TimeSpan maxInlineWait) => new()
    {
        MaxRetryAttempts = 2,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromMilliseconds(300),
        ShouldHandle = args =>
        {
            if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited)
            {
                return ValueTask.FromResult((SlackApiClient.RetryAfter(limited) ?? TimeSpan.FromSeconds(1)) <= maxInlineWait);
            }

            var idempotent = args.Context.GetRequestMessage()?.Options.TryGetValue(SlackApiClient.Idempotent, out var safe) == true && safe;
            var transient = args.Outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
                || args.Outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError };
            return ValueTask.FromResult(idempotent && transient);
        },
        DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? SlackApiClient.RetryAfter(r) : null),
    };

    /// <summary>Maps the three endpoints (all methods, so that others get 405) and logs the mode once.</summary>
    public static void MapSlackChannel(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        var log = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("OversightBot.Slack");
        if (options.HttpEnabled)
        {
            log.LogInformation(SlackLogEvents.SlackChannelInformation1, "Slack: {Events}, {Commands} and {Interactions} verify Slack's request signatures", EventsRoute, CommandsRoute, InteractionsRoute);
        }
        else
        {
            log.LogInformation(SlackLogEvents.SlackChannelInformation2, "Slack: no Slack:SigningSecret — the /slack/* endpoints answer 404{SocketMode}",
                options.SocketMode ? " (Socket Mode is on)" : "");
        }

        endpoints.Map(EventsRoute, SlackEndpoints.EventsAsync);
        endpoints.Map(CommandsRoute, SlackEndpoints.CommandsAsync);
        endpoints.Map(InteractionsRoute, SlackEndpoints.InteractionsAsync);
    }
}

internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
