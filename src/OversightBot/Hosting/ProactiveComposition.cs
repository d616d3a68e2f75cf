using Microsoft.Extensions.Options;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Web;

namespace OversightBot.Hosting;

/// <summary>Wires the proactive engine over a runtime's store: for the web host, <c>simulate</c> and the benchmark.</summary>
public static class ProactiveComposition
{
    public static ProactiveEngine CreateEngine(
        BotRuntime runtime, IOutboxStore outbox, IReadOnlyList<IMessageSender> senders, ReminderPolicy policy, DispatcherOptions dispatch, TimeProvider clock,
        ProactiveEngineOptions? engine = null)
    {
        var planner = CreatePlanner(runtime, outbox, policy);
        var dispatcher = new Dispatcher(outbox, runtime.People, runtime.Items, senders, policy, dispatch, clock);
        return new ProactiveEngine(planner, outbox, dispatcher, policy, clock, engine);
    }

    public static ProactivePlanner CreatePlanner(BotRuntime runtime, IOutboxStore outbox, ReminderPolicy policy) =>
        new(runtime.Items, runtime.Boards, runtime.People, new HandlerDigestComposer(runtime.Conversation.Digest), outbox, policy);

    /// <summary>Platform channels first; the web chat inbox (which reaches everyone) is the fallback.</summary>
    public static IReadOnlyList<IMessageSender> WebChatLast(IEnumerable<IMessageSender> senders) =>
        [.. senders.OrderBy(s => s.Channel == "webchat" ? 1 : 0)];

    /// <summary>Registers the options, the web chat inbox sender, the engine and the scheduler service.</summary>
    public static void AddProactive(this IServiceCollection services, IConfiguration configuration, BotRuntime runtime)
    {
        services.AddOptions<ProactiveOptions>().Bind(configuration.GetSection(ProactiveOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMessageSender>(sp => new WebChatInboxSender(
            runtime.Store, sp.GetRequiredService<TimeProvider>(), TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<ProactiveOptions>>().Value.DevInboxDelayMs)));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ProactiveOptions>>().Value;
            return CreateEngine(
                runtime, runtime.Store, WebChatLast(sp.GetServices<IMessageSender>()), options.ToPolicy(), options.ToDispatcher(), sp.GetRequiredService<TimeProvider>(),
                options.ToEngine());
        });
        services.AddHostedService<ProactiveService>();
    }
}
