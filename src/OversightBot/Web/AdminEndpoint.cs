using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OversightBot.Hosting;

namespace OversightBot.Web;

/// <summary>
/// <c>POST /admin/cli</c>: the running host runs a CLI verb (<c>ask</c>, <c>outbox</c>, <c>simulate</c>, <c>backup</c>) on its
/// own store for a CLI process on this machine, so the store file is never opened by two processes. Only loopback
/// connections that were not forwarded by a proxy and carry the key from the admin file are served; anything else
/// is answered 404, as if there were no such endpoint.
/// </summary>
public static class AdminEndpoint
{
    public const string Path = "/admin/cli";
    public const string KeyHeader = "X-OversightBot-Admin-Key";

    /// <summary>The verbs a CLI process may run through the host (those that read or write the store and finish).</summary>
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal) { "ask", "outbox", "simulate", "backup" };

    public sealed record Call(IReadOnlyList<string> Args);

    public sealed record Answer(int ExitCode, string Output, string Error);

    /// <summary>Maps the endpoint; <paramref name="run"/> runs a verb's arguments against the given output and error writers.</summary>
    public static void Map(WebApplication app, BotRuntime runtime, Func<IReadOnlyList<string>, TextWriter, TextWriter, CancellationToken, Task<int>> run)
    {
        AdminFile? admin = null;
        if (runtime.FileStore is not { } store)
        {
            return;
        }

        var files = store.Files;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = LoopbackUrl(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            if (url is null)
            {
                app.Logger.LogWarning(HostLogEvents.AdminUnavailable,
                    "No plain-HTTP address to reach from this machine: CLI verbs on this store will be refused while the host runs");
                return;
            }

            admin = AdminFile.Create(url);
            admin.Write(files);
        });
        app.Lifetime.ApplicationStopping.Register(() => AdminFile.Delete(files, Environment.ProcessId));
        app.MapPost(Path, async (HttpContext http, CancellationToken ct) =>
        {
            if (admin is null || !FromThisMachine(http) || !admin.KeyMatches(http.Request.Headers[KeyHeader]))
            {
                return Results.NotFound();
            }

            var call = await http.Request.ReadFromJsonAsync<Call>(ct);
            if (call is null || call.Args.Count == 0 || !Verbs.Contains(call.Args[0]))
            {
                return Results.BadRequest(new { error = $"Only {string.Join(", ", Verbs)} run through the host." });
            }

            using var output = new StringWriter();
            using var error = new StringWriter();
            StoreAccess.LendHost(runtime);
            var code = await run(call.Args, output, error, ct);
            return Results.Json(new Answer(code, output.ToString(), error.ToString()));
        });
    }

    private static bool FromThisMachine(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For")
        && !http.Request.Headers.ContainsKey("Forwarded");

    /// <summary>The first plain-HTTP address this machine reaches on loopback (a wildcard or localhost becomes 127.0.0.1).</summary>
    public static string? LoopbackUrl(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            if (!address.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = address["http://".Length..];
            var colon = rest.LastIndexOf(':');
            if (colon < 0 || !int.TryParse(rest[(colon + 1)..].TrimEnd('/'), out var port))
            {
                continue;
            }

            switch (rest[..colon].ToLowerInvariant())
            {
                case "[::1]":
                    return $"http://[::1]:{port}";
                case "localhost" or "127.0.0.1" or "0.0.0.0" or "[::]" or "+" or "*":
                    return $"http://127.0.0.1:{port}";
            }
        }

        return null;
    }
}
