using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OversightBot.Channels.Teams;

/// <summary>The outcome of checking an inbound request's bearer token.</summary>
public readonly record struct AuthResult(bool Ok, string Reason)
{
    public static AuthResult Accepted { get; } = new(true, "ok");

    public static AuthResult Rejected(string reason) => new(false, reason);
}

/// <summary>
/// Validates the Bot Framework channel's bearer token the way ChannelValidation does: issuer, audience = app id,
/// RS256/384/512, lifetime with 5 minutes' skew, a signing key endorsed for the activity's channel, and the
/// <c>serviceurl</c> claim equal to the activity's serviceUrl. Single-tenant bots also accept Entra tokens.
/// </summary>
public sealed class TeamsAuthenticator
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<TeamsAuthenticator> _log;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _botFramework;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _entra;
    private readonly string[] _entraIssuers;
    private readonly Dictionary<ConfigurationManager<OpenIdConnectConfiguration>, IDocumentRetriever> _retrievers = [];
    private readonly Dictionary<ConfigurationManager<OpenIdConnectConfiguration>, DateTimeOffset> _refetchedAt = [];

    /// <summary>Above this many remembered tokens the memory starts again.</summary>
    private const int VerifiedTokenLimit = 10_000;

    /// <summary>
    /// Tokens whose signature, issuer and audience were verified, by their exact text, with the signing keys they
    /// were verified against. The channel sends the same token for up to an hour, and verifying an RSA signature is
    /// the most expensive step of a request; lifetime, endorsement and serviceurl are still checked on every request,
    /// and a token is verified again whenever the keys have been refreshed.
    /// </summary>
    private readonly ConcurrentDictionary<string, VerifiedToken> _verified = new(StringComparer.Ordinal);

    private sealed record VerifiedToken(
        ConfigurationManager<OpenIdConnectConfiguration> Manager, OpenIdConnectConfiguration Config, bool RequireEndorsement,
        string? Kid, DateTime? Expires, DateTime? NotBefore, string? ServiceUrl);

    /// <summary>
    /// Keys fetched at once for an unknown key id, used until the configuration manager has replaced the key set it
    /// had then (it refreshes in the background): without this, requests signed with a newly rolled key would be
    /// refused for a while after the first one was accepted.
    /// </summary>
    private readonly ConcurrentDictionary<ConfigurationManager<OpenIdConnectConfiguration>, (OpenIdConnectConfiguration Stale, OpenIdConnectConfiguration Fresh)> _fetchedEarly = new();

    /// <summary>How often an unknown key id may force a fetch of the keys (a flood of forged kids cannot hammer the issuer).</summary>
    public static readonly TimeSpan KeyRefetchInterval = TimeSpan.FromSeconds(30);

    public TeamsAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<TeamsAuthenticator> log)
    {
        _options = options.Value;
        _clock = clock;
        _log = log;
        _botFramework = Manager(_options.OpenIdMetadataUrl, httpClients);
        if (_options.EffectiveEntraMetadataUrl is { } entra && !string.IsNullOrWhiteSpace(_options.TenantId))
        {
            _entra = Manager(entra, httpClients);
            _entraIssuers = [$"https://login.microsoftonline.com/{_options.TenantId}/v2.0", $"https://sts.windows.net/{_options.TenantId}/"];
        }
        else
        {
            _entraIssuers = [];
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(string url, IHttpClientFactory httpClients)
    {
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(TeamsChannel.HttpClientName))
        {
            RequireHttps = !new Uri(url).IsLoopback,
        };
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
            RefreshInterval = TimeSpan.FromMinutes(1),
        };
        _retrievers[manager] = retriever;
        return manager;
    }

    public async Task<AuthResult> AuthenticateAsync(string? authorization, Activity activity, CancellationToken ct)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Rejected("no bearer token");
        }

        var raw = authorization["Bearer ".Length..].Trim();
        if (_verified.TryGetValue(raw, out var known))
        {
            var current = await CurrentConfigurationAsync(known.Manager, ct);
            if (ReferenceEquals(current, known.Config))
            {
                return Check(known, activity);
            }

            _verified.TryRemove(raw, out _); // the keys changed: verify the signature again
        }

        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(raw);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or FormatException or JsonException)
        {
            return AuthResult.Rejected("malformed token");
        }

        var issuer = unverified.Issuer;
        if (string.Equals(issuer, TeamsOptions.BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return await ValidateAsync(raw, _botFramework, [TeamsOptions.BotFrameworkIssuer], activity, requireEndorsement: true, ct);
        }

        if (_entra is not null && _entraIssuers.Contains(issuer, StringComparer.Ordinal))
        {
            return await ValidateAsync(raw, _entra, _entraIssuers, activity, requireEndorsement: false, ct);
        }

        return AuthResult.Rejected("untrusted issuer");
    }

    private async Task<AuthResult> ValidateAsync(
        string raw, ConfigurationManager<OpenIdConnectConfiguration> manager, string[] issuers, Activity activity, bool requireEndorsement, CancellationToken ct)
    {
        if (await CurrentConfigurationAsync(manager, ct) is not { } config)
        {
            return AuthResult.Rejected("metadata unavailable");
        }

        var result = await _handler.ValidateTokenAsync(raw, Parameters(config, issuers));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException && await RefetchAsync(manager, ct) is { } fresh)
        {
            // An unknown key id: the keys may have rolled over. Fetch them now (at most once per KeyRefetchInterval).
            config = fresh;
            result = await _handler.ValidateTokenAsync(raw, Parameters(config, issuers));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return AuthResult.Rejected(result.Exception?.GetType().Name ?? "invalid token");
        }

        var verified = new VerifiedToken(
            manager, config, requireEndorsement, token.Kid,
            token.TryGetPayloadValue<long>("exp", out _) ? token.ValidTo : null,
            token.TryGetPayloadValue<long>("nbf", out _) ? token.ValidFrom : null,
            token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) ? serviceUrl : null);
        if (_verified.Count >= VerifiedTokenLimit)
        {
            _verified.Clear();
        }

        _verified[raw] = verified;
        return Check(verified, activity);
    }

    private async Task<OpenIdConnectConfiguration?> CurrentConfigurationAsync(ConfigurationManager<OpenIdConnectConfiguration> manager, CancellationToken ct)
    {
        OpenIdConnectConfiguration config;
        try
        {
            config = await manager.GetConfigurationAsync(ct);
        }
        catch (InvalidOperationException ex)
        {
            _log.LogError(TeamsLogEvents.MetadataUnreadable, ex, "Teams: could not read the OpenID metadata {Url}", manager.MetadataAddress);
            return null;
        }

        if (_fetchedEarly.TryGetValue(manager, out var early))
        {
            if (ReferenceEquals(config, early.Stale))
            {
                return early.Fresh;
            }

            _fetchedEarly.TryRemove(manager, out _); // the manager has its new key set now
        }

        return config;
    }

    /// <summary>The checks that depend on the request and the time, made for every request.</summary>
    private AuthResult Check(VerifiedToken token, Activity activity)
    {
        if (CheckLifetime(token) is { } lifetimeProblem)
        {
            return AuthResult.Rejected(lifetimeProblem);
        }

        if (token.RequireEndorsement && !IsEndorsed(token.Config, token.Kid, activity.ChannelId))
        {
            return AuthResult.Rejected("signing key does not endorse the channel");
        }

        if ((token.RequireEndorsement || token.ServiceUrl is not null) && !string.Equals(token.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Rejected("serviceurl claim does not match the activity");
        }

        return AuthResult.Accepted;
    }

    private async Task<OpenIdConnectConfiguration?> RefetchAsync(ConfigurationManager<OpenIdConnectConfiguration> manager, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        lock (_refetchedAt)
        {
            if (_refetchedAt.TryGetValue(manager, out var last) && now - last < KeyRefetchInterval)
            {
                return null;
            }

            _refetchedAt[manager] = now;
        }

        try
        {
            var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(manager.MetadataAddress, _retrievers[manager], ct);
            var held = await manager.GetConfigurationAsync(ct);
            _fetchedEarly[manager] = (held, fresh);
            manager.RequestRefresh();
            _log.LogInformation(TeamsLogEvents.KeysRefetched, "Teams: fetched the signing keys again for an unknown key id");
            return fresh;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or HttpRequestException or ArgumentException)
        {
            _log.LogError(TeamsLogEvents.MetadataRefetchFailed, ex, "Teams: could not refetch the OpenID metadata {Url}", manager.MetadataAddress);
            return null;
        }
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration config, string[] issuers) => new()
    {
        ValidIssuers = issuers,
        ValidAudience = _options.AppId,
        IssuerSigningKeys = config.SigningKeys,
        ValidAlgorithms = Algorithms,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = false, // checked below against the injected clock
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        TryAllIssuerSigningKeys = false,
        ClockSkew = ClockSkew,
    };

    private string? CheckLifetime(VerifiedToken token)
    {
        if (token.Expires is not { } expires)
        {
            return "no expiry";
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        if (now > expires + ClockSkew)
        {
            return "expired";
        }

        return token.NotBefore is { } notBefore && now + ClockSkew < notBefore ? "not yet valid" : null;
    }

    internal static bool IsEndorsed(OpenIdConnectConfiguration config, string? kid, string? channelId)
    {
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(kid) || config.JsonWebKeySet is null)
        {
            return false;
        }

        var key = config.JsonWebKeySet.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return false;
        }

        return Endorsements(value).Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Endorsements(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        string single => [single],
        IEnumerable list => list.Cast<object?>().Select(o => o?.ToString()).OfType<string>(),
        _ => [],
    };
}
