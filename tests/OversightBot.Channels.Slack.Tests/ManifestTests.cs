using System.Text.Json.Nodes;
using OversightBot.Testing;

namespace OversightBot.Channels.Slack.Tests;

/// <summary>manifests/slack/manifest.json against Slack's published schema (Ajv, from the npm peers), and what the bot needs.</summary>
public sealed class ManifestTests
{
    private static readonly string Manifest = Path.Combine(NodePeers.RepoRoot, "manifests", "slack", "manifest.json");
    private const string Schema = "/work/shared/corpora/slack/app-manifest.schema.json";

    [SlackPeerFact]
    public async Task The_manifest_is_valid_against_slack_s_schema()
    {
        var (code, output) = await ValidateAsync(Manifest);

        Assert.True(code == 0, output);
    }

    [SlackPeerFact]
    public async Task The_validator_refuses_a_manifest_with_an_unknown_key_or_a_name_too_long()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Manifest))!;
        manifest["display_information"]!["name"] = new string('n', 40);
        manifest["features"]!["bot_user"]!["colour"] = "blue";
        var file = Path.Combine(Path.GetTempPath(), $"slack-manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, manifest.ToJsonString());
        try
        {
            var (code, output) = await ValidateAsync(file);
            Assert.Equal(1, code);
            Assert.Contains("name", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_manifest_asks_for_exactly_the_scopes_events_and_features_the_bot_uses()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Manifest))!;

        Assert.Equal(
            ["app_mentions:read", "chat:write", "commands", "im:history", "im:write", "users:read", "users:read.email"],
            manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
        Assert.Equal(["app_home_opened", "app_mention", "message.im"], manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
        Assert.Equal("/oversight", manifest["features"]!["slash_commands"]![0]!["command"]!.GetValue<string>());
        Assert.True(manifest["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.True(manifest["settings"]!["interactivity"]!["is_enabled"]!.GetValue<bool>());
        Assert.True(manifest["features"]!["app_home"]!["home_tab_enabled"]!.GetValue<bool>());
        Assert.True(manifest["features"]!["app_home"]!["messages_tab_enabled"]!.GetValue<bool>());
        Assert.EndsWith(SlackChannel.EventsRoute, manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith(SlackChannel.InteractionsRoute, manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output)> ValidateAsync(string manifest) =>
        NodePeers.RunAsync("validate-slack-manifest.js", manifest, SchemaFile());

    /// <summary>Slack's published schema (slackapi/manifest-schema), from the shared reference corpus; not kept in the repository.</summary>
    private static string SchemaFile() => Environment.GetEnvironmentVariable("SLACK_MANIFEST_SCHEMA") is { Length: > 0 } path ? path : Schema;

    internal static bool PeersInstalled => NodePeers.Has("ajv") && File.Exists(SchemaFile());
}

/// <summary>A fact that needs the npm peers (Ajv); skipped with a clear message when tests/run.sh has not installed them.</summary>
public sealed class SlackPeerFactAttribute : FactAttribute
{
    public SlackPeerFactAttribute()
    {
        if (!ManifestTests.PeersInstalled)
        {
            Skip = "needs the npm peers (tests/run.sh installs them) and Slack's manifest schema (SLACK_MANIFEST_SCHEMA or the shared corpus).";
        }
    }
}
