using System.CommandLine;
using OversightBot.Hosting;
using OversightBot.Web;

namespace OversightBot.Cli;

/// <summary>
/// <c>serve [--db PATH] [--urls URL] [--Section:Key=value ...]</c>: the web host with the built-in web chat and channel
/// endpoints. Settings given as <c>--Section:Key value</c> or <c>--Section:Key=value</c> override the configuration files.
/// </summary>
public static class ServeVerb
{
    public static Command Create(CliContext cli)
    {
        var urls = new Option<string?>("--urls") { Description = "where to listen (default http://localhost:5080)", HelpName = "URL" };
        var command = new Command("serve", "run the web host (the default): web chat, /api/messages, /health; --Section:Key=value overrides a setting")
        {
            urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((r, ct) =>
        {
            var settings = SettingOverrides(r.UnmatchedTokens);
            var hostArgs = r.GetValue(urls) is { } u ? ["--urls", u, .. settings] : settings;
            return RunAsync(hostArgs, cli.Storage(r), ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(string[] hostArgs, StorageOptions storage, CancellationToken ct)
    {
        await using var app = await WebHost.BuildAsync(hostArgs, storage, TimeProvider.System, ct);
        await app.RunAsync(ct);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The extra tokens, which must be settings (<c>--Section:Key=value</c>, or <c>--Section:Key</c> then its value);
    /// anything else is a usage error rather than a setting silently ignored.
    /// </summary>
    public static string[] SettingOverrides(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var isSetting = t.StartsWith("--", StringComparison.Ordinal) && t.IndexOf(':', StringComparison.Ordinal) > 2;
            if (!isSetting)
            {
                throw new UsageException($"serve does not know '{t}'. Settings are given as --Section:Key=value (e.g. --Proactive:Enabled=false).");
            }

            if (!t.Contains('=', StringComparison.Ordinal))
            {
                i++;
                if (i >= tokens.Count)
                {
                    throw new UsageException($"{t} needs a value (--Section:Key=value).");
                }
            }
        }

        return [.. tokens];
    }
}
