using Xunit;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace OversightBot.Testing;

/// <summary>
/// The npm peers under tests/peers (installed by tests/run.sh from its lock file): Microsoft's manifest schemas, the
/// Agents Playground, botbuilder, Ajv and Slack's SDKs. Shared by every channel's tests.
/// </summary>
public static class NodePeers
{
    public const string SkipReason = "tests/peers/node_modules is absent: run tests/run.sh, which installs the npm peers (node and npm required).";

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(ThisFolder(), "..", "peers"));
    public static string RepoRoot { get; } = Path.GetFullPath(Path.Combine(ThisFolder(), "..", ".."));

    public static bool Installed => Directory.Exists(Path.Combine(Folder, "node_modules"));

    /// <summary>Whether the npm package <paramref name="name"/> (e.g. "@slack/bolt") is installed.</summary>
    public static bool Has(string name) => File.Exists(Path.Combine(Folder, "node_modules", name, "package.json"));

    /// <summary>Runs <c>node SCRIPT ARGS</c> in tests/peers and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] args)
    {
        using var process = Start(script, new Dictionary<string, string>(), args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public static Process Start(string script, IDictionary<string, string> env, params string[] args) => StartIn(Folder, script, env, args);

    public static Process StartIn(string workingDirectory, string script, IDictionary<string, string> env, params string[] args)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(Folder, script));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("node did not start");
    }

    private static string ThisFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

/// <summary>A fact that needs the npm peers; skipped with a clear message when they are not installed.</summary>
public sealed class PeerFactAttribute : FactAttribute
{
    public PeerFactAttribute()
    {
        if (!NodePeers.Installed)
        {
            Skip = NodePeers.SkipReason;
        }
    }
}
