using OversightBot.Web;

namespace OversightBot.Cli;

/// <summary><c>serve [--db PATH] [--urls URL]</c>: the web host with the built-in web chat and channel endpoints.</summary>
public static class ServeVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> rawArgs, CancellationToken ct)
    {
        var args = new CliArgs(rawArgs, []);
        var storage = CommandLine.Storage(args);
        var hostArgs = rawArgs.ToList();
        var db = hostArgs.IndexOf("--db");
        if (db >= 0)
        {
            hostArgs.RemoveRange(db, Math.Min(2, hostArgs.Count - db));
        }

        await using var app = await WebHost.BuildAsync([.. hostArgs], storage, TimeProvider.System, ct);
        await app.RunAsync(ct);
        return 0;
    }
}
