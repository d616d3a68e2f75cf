using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OversightBot.Core.Conversation;
using OversightBot.Core.Ports;
using OversightBot.Core.Work;
using OversightBot.Hosting;

namespace OversightBot.Web;

/// <summary>Builds the web host: web chat, /api/chat, /health and the channel endpoints.</summary>
public static class WebHost
{
    public const string DefaultUrl = "http://localhost:5080";

    public static async Task<WebApplication> BuildAsync(string[] args, StorageOptions storage, TimeProvider clock, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        AppConfiguration.Apply(builder.Configuration, args);
        var exposure = builder.Configuration.GetSection(WebExposureOptions.Section).Get<WebExposureOptions>() ?? new WebExposureOptions();
        var (trusted, problems) = exposure.Parse();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        // Per-request framework chatter (request started/finished, each outbound HTTP step) costs more CPU than
        // answering a question; settings files may lower these again (Logging:LogLevel:...).
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        if (builder.Configuration["Logging:LogLevel:System.Net.Http.HttpClient"] is null)
        {
            builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        }
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);

        var runtime = await BotRuntime.OpenAsync(storage, clock, ct, storage.CacheAnswers);
        try
        {
            return Build(builder, runtime, storage, clock, exposure, trusted);
        }
        catch
        {
            runtime.Dispose();
            throw;
        }
    }

    private static WebApplication Build(
        WebApplicationBuilder builder, BotRuntime runtime, StorageOptions storage, TimeProvider clock, WebExposureOptions exposure, IReadOnlyList<System.Net.IPNetwork> trusted)
    {
        builder.Services.AddSingleton(runtime);
        builder.Services.AddSingleton(clock);
        builder.Services.AddStorePorts(runtime.Store);
        builder.Services.AddSingleton<ConversationService>(runtime.Conversation);
        var telemetry = builder.AddTelemetry();
        builder.Services.AddChannels(builder.Configuration);
        builder.Services.AddProactive(builder.Configuration, runtime);
        builder.Services.AddStoreHealth();
        builder.Services.AddSingleton(storage);
        builder.Services.AddHostedService<BackupService>();
        builder.Services.AddSingleton<WorkRunner>();
        builder.Services.AddHostedService<WorkQueueService>();

        var app = builder.Build();
        app.UseMiddleware<ProxyGuard>(trusted);
        if (trusted.Count > 0)
        {
            app.UseForwardedHeaders(ForwardedFrom(trusted));
        }

        app.UseMiddleware<RequestBodyGuard>();
        app.MapTelemetry(telemetry);
        app.Lifetime.ApplicationStopped.Register(runtime.Dispose);
        var webChat = builder.Configuration.GetSection(WebChatOptions.Section).Get<WebChatOptions>() ?? new WebChatOptions();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OversightBot");
        var chat = app.MapGroup("").AddEndpointFilter(new LoopbackOnlyFilter(webChat.AllowRemote, log));
        WebChatEndpoints.Map(app, chat);
        NotificationEndpoints.Map(chat);
        app.MapChannels();
        HealthEndpoint.Map(app);
        AdminEndpoint.Map(app, runtime, (args, output, error, ct) => Cli.CommandLine.RunAsync(args, new Cli.CliConsole(TextReader.Null, output, error), ct));
        log.LogInformation(HostLogEvents.StoreOpened, "Store {Provider} at {Path}; web chat at / ({Access})", "litedb", runtime.FileStore?.Files.Data ?? storage.Path,
            webChat.AllowRemote ? "open to other machines" : "this machine only");
        if (trusted.Count > 0)
        {
            log.LogInformation(HostLogEvents.TrustedProxies, "Forwarded headers are believed only from {Proxies}; requests through them never reach the web chat", string.Join(", ", exposure.TrustedProxies));
        }

        return app;
    }

    /// <summary>X-Forwarded-For/-Proto/-Host believed from the trusted proxies only (never the framework's loopback default).</summary>
    private static ForwardedHeadersOptions ForwardedFrom(IReadOnlyList<System.Net.IPNetwork> trusted)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto
                | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in trusted)
        {
            options.KnownIPNetworks.Add(network);
        }

        return options;
    }
}
