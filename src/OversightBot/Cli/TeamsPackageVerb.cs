using OversightBot.Channels.Teams;

namespace OversightBot.Cli;

/// <summary><c>teams-package --app-id GUID [--bot-id GUID] [--version X.Y.Z] [--out app.zip]</c>: the Teams upload zip.</summary>
public static class TeamsPackageVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> rawArgs, TextWriter output, CancellationToken ct)
    {
        var args = new CliArgs(rawArgs, []);
        args.AllowOnly("--app-id", "--bot-id", "--version", "--out");
        if (!Guid.TryParse(args.Get("--app-id"), out var appId) || appId == Guid.Empty)
        {
            throw new UsageException("teams-package needs --app-id GUID (the bot's Microsoft App ID from its Azure Bot registration).");
        }

        Guid? botId = null;
        if (args.Get("--bot-id") is { } bot)
        {
            botId = Guid.TryParse(bot, out var b) ? b : throw new UsageException("--bot-id must be a GUID.");
        }

        var path = Path.GetFullPath(args.Get("--out") ?? "oversightbot-teams.zip");
        await using (var file = File.Create(path))
        {
            TeamsAppPackage.Write(file, appId, botId, args.Get("--version"));
            await file.FlushAsync(ct);
        }

        await output.WriteLineAsync($"Wrote {path} (manifest.json, color.png, outline.png). Upload it in Teams: Apps → Manage your apps → Upload an app.");
        return 0;
    }
}
