namespace OversightBot.Channels.Teams;

/// <summary>The "Teams" configuration section. No <see cref="AppId"/> = development mode: no auth, loopback only.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    /// <summary>The bot's Microsoft App ID (Entra application id). Empty = development mode.</summary>
    public string? AppId { get; set; }
    public string? AppPassword { get; set; }
    /// <summary>Set for a single-tenant bot: tokens are requested from, and also accepted from, this tenant.</summary>
    public string? TenantId { get; set; }
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;
    /// <summary>Metadata for Entra-issued tokens of a single-tenant bot; default derived from <see cref="TenantId"/>.</summary>
    public string? EntraOpenIdMetadataUrl { get; set; }
    /// <summary>Client-credentials endpoint; default derived from <see cref="TenantId"/> (or botframework.com).</summary>
    public string? TokenEndpoint { get; set; }
    public string TokenScope { get; set; } = BotFrameworkScope;
    /// <summary>Tenants allowed to talk to the bot; empty = any tenant.</summary>
    public List<string> AllowedTenants { get; set; } = [];
    /// <summary>Hosts (exact, or "*.suffix") the bot sends its token to; empty = the Bot Framework and Teams hosts.</summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];
    public string BotName { get; set; } = "OversightBot";
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;
    /// <summary>Card budget in bytes (Teams refuses messages over ~28 KB).</summary>
    public int MaxCardBytes { get; set; } = 27 * 1024;
    /// <summary>Longest Retry-After the connector client waits inline before reporting "throttled".</summary>
    public TimeSpan MaxInlineRetryWait { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How long a button press may take before the invoke is answered "working on it" (Teams allows ~5 s).</summary>
    public TimeSpan InvokeBudget { get; set; } = TimeSpan.FromSeconds(4);
    /// <summary>How long a reply may take before a typing indicator is sent.</summary>
    public TimeSpan TypingAfter { get; set; } = TimeSpan.FromMilliseconds(700);

    public static IReadOnlyList<string> DefaultServiceUrlHosts { get; } =
    [
        "smba.trafficmanager.net",
        "*.smba.trafficmanager.net",
        "*.botframework.com",
        "*.botframework.us",
        "*.botframework.azure.us",
        "*.teams.microsoft.com",
        "*.teams.microsoft.us",
    ];

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(AppId);

    public string EffectiveTokenEndpoint => TokenEndpoint is { Length: > 0 } e
        ? e
        : $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}/oauth2/v2.0/token";

    public string? EffectiveEntraMetadataUrl => EntraOpenIdMetadataUrl is { Length: > 0 } m
        ? m
        : string.IsNullOrWhiteSpace(TenantId) ? null : $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration";

    public IReadOnlyList<string> EffectiveServiceUrlHosts => AllowedServiceUrlHosts.Count > 0 ? AllowedServiceUrlHosts : DefaultServiceUrlHosts;

    /// <summary>Problems that stop the host from starting; empty when the options are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (!IsDevelopmentMode && string.IsNullOrWhiteSpace(AppPassword))
        {
            yield return "Teams:AppPassword is required when Teams:AppId is set.";
        }

        if (!IsDevelopmentMode && !Guid.TryParse(AppId, out _))
        {
            yield return "Teams:AppId must be a GUID (the bot's Microsoft App ID).";
        }

        if (!Uri.TryCreate(OpenIdMetadataUrl, UriKind.Absolute, out var meta) || !SecureOrLoopback(meta))
        {
            yield return "Teams:OpenIdMetadataUrl must be an https URL (http only for a loopback host).";
        }

        if (!Uri.TryCreate(EffectiveTokenEndpoint, UriKind.Absolute, out var token) || !SecureOrLoopback(token))
        {
            yield return "Teams:TokenEndpoint must be an https URL (http only for a loopback host).";
        }

        if (MaxRequestBodyBytes is < 1024 or > 4 * 1024 * 1024)
        {
            yield return "Teams:MaxRequestBodyBytes must be between 1 KB and 4 MB.";
        }

        if (MaxCardBytes is < 4096 or > 100_000)
        {
            yield return "Teams:MaxCardBytes must be between 4096 and 100000.";
        }

        if (TenantId is { Length: > 0 } t && !Guid.TryParse(t, out _))
        {
            yield return "Teams:TenantId must be a GUID.";
        }
    }

    internal static bool SecureOrLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}
