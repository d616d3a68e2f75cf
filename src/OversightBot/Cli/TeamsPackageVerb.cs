using System.CommandLine;
using OversightBot.Channels.Teams;

namespace OversightBot.Cli;

/// <summary><c>teams-package --app-id GUID [--bot-id GUID] [--version X.Y.Z] [--out app.zip]</c>: the Teams upload zip.</summary>
public static class TeamsPackageVerb
{
    public static Command Create(CliContext cli)
    {
        var appId = new Option<string?>("--app-id") { Description = "the bot's Microsoft App ID from its Azure Bot registration", HelpName = "GUID" };
        var botId = new Option<string?>("--bot-id") { Description = "the bot id when it differs from the app id", HelpName = "GUID" };
        var version = new Option<string?>("--version") { Description = "the app version in the manifest", HelpName = "X.Y.Z" };
        var output = new Option<string>("--out") { Description = "the zip to write", HelpName = "FILE", DefaultValueFactory = _ => "oversightbot-teams.zip" };
        var command = new Command("teams-package", "build the Teams app package (zip) to upload") { appId, botId, version, output };
        command.SetAction((r, ct) => RunAsync(r.GetValue(appId), r.GetValue(botId), r.GetValue(version), r.GetValue(output)!, cli.Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(string? appIdText, string? botIdText, string? version, string outPath, TextWriter output, CancellationToken ct)
    {
        if (!Guid.TryParse(appIdText, out var appId) || appId == Guid.Empty)
        {
            throw new UsageException("teams-package needs --app-id GUID (the bot's Microsoft App ID from its Azure Bot registration).");
        }

        Guid? botId = null;
        if (botIdText is { } bot)
        {
            botId = Guid.TryParse(bot, out var b) ? b : throw new UsageException("--bot-id must be a GUID.");
        }

        var path = Path.GetFullPath(outPath);
        await using (var file = File.Create(path))
        {
            TeamsAppPackage.Write(file, appId, botId, version);
            await file.FlushAsync(ct);
        }

        await output.WriteLineAsync($"Wrote {path} (manifest.json, color.png, outline.png). Upload it in Teams: Apps → Manage your apps → Upload an app.");
        return ExitCodes.Ok;
    }
}
