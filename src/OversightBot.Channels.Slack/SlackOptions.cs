namespace OversightBot.Channels.Slack;

/// <summary>The "Slack" configuration section. Without <see cref="SigningSecret"/> the HTTP endpoints answer 404.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Signs every request Slack sends (Basic Information → Signing Secret). Empty = HTTP endpoints off.</summary>
    public string? SigningSecret { get; set; }
    /// <summary>The bot token (xoxb-…): replies, nudges, the Home tab.</summary>
    public string? BotToken { get; set; }
    /// <summary>The app-level token (xapp-…) with connections:write: enables Socket Mode.</summary>
    public string? AppToken { get; set; }
    /// <summary>Where the Web API lives; tests point it at a fake Slack.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;
    /// <summary>Workspaces (team ids) allowed to talk to the bot; empty = any.</summary>
    public List<string> AllowedTeams { get; set; } = [];
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;
    /// <summary>How long a slash command may take before it is answered "working on it" and finished via response_url.</summary>
    public TimeSpan CommandBudget { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Longest Retry-After the Web API client waits inline before reporting "throttled".</summary>
    public TimeSpan MaxInlineRetryWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests may be this far from now, either way.</summary>
    public static TimeSpan TimestampTolerance { get; } = TimeSpan.FromMinutes(5);

    public bool HttpEnabled => !string.IsNullOrWhiteSpace(SigningSecret);
    public bool CanSend => !string.IsNullOrWhiteSpace(BotToken);
    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);

    public bool TeamAllowed(string? teamId) =>
        AllowedTeams.Count == 0 || (teamId is { Length: > 0 } && AllowedTeams.Contains(teamId, StringComparer.OrdinalIgnoreCase));

    /// <summary>Problems that stop the host from starting; empty when the options are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && !(api.Scheme == Uri.UriSchemeHttp && api.IsLoopback)))
        {
            yield return "Slack:ApiBaseUrl must be an absolute https URL (http only on loopback).";
        }

        if (BotToken is { Length: > 0 } bot && !bot.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            yield return "Slack:BotToken must be a bot token (xoxb-…).";
        }

        if (AppToken is { Length: > 0 } app && !app.StartsWith("xapp-", StringComparison.Ordinal))
        {
            yield return "Slack:AppToken must be an app-level token (xapp-…).";
        }

        if (MaxRequestBodyBytes is < 1024 or > 4 * 1024 * 1024)
        {
            yield return "Slack:MaxRequestBodyBytes must be between 1024 and 4194304.";
        }
    }
}
