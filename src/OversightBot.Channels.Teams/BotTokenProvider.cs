using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OversightBot.Channels.Teams;

/// <summary>
/// The bot's outbound access token: OAuth 2.0 client credentials against <see cref="TeamsOptions.EffectiveTokenEndpoint"/>,
/// cached until five minutes before it expires; one request at a time refreshes it.
/// </summary>
public sealed class BotTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<BotTokenProvider> log) : IDisposable
{
    private static readonly TimeSpan EarlyRefresh = TimeSpan.FromMinutes(5);
    private readonly TeamsOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    public async ValueTask<string> GetTokenAsync(CancellationToken ct)
    {
        if (_token is { } cached && clock.GetUtcNow() < _refreshAt)
        {
            return cached;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_token is { } again && clock.GetUtcNow() < _refreshAt)
            {
                return again;
            }

            return await FetchAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token (the Connector answered 401).</summary>
    public void Invalidate() => _refreshAt = DateTimeOffset.MinValue;

    private static int? ExpiresIn(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(e.GetString(), out var s) => s,
        _ => null,
    };

    public void Dispose() => _gate.Dispose();

    private async Task<string> FetchAsync(CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.AppId ?? "",
            ["client_secret"] = _options.AppPassword ?? "",
            ["scope"] = _options.TokenScope,
        });
        var http = httpClients.CreateClient(TeamsChannel.HttpClientName);
        using var response = await http.PostAsync(new Uri(_options.EffectiveTokenEndpoint), form, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            log.LogError(TeamsLogEvents.TokenEndpointFailed, "Teams: the token endpoint answered {Status}", (int)response.StatusCode);
            log.LogDebug(TeamsLogEvents.TokenEndpointErrorBody, "Teams: token endpoint error body {Body}", body);
            throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        using var doc = JsonDocument.Parse(body);
        var token = doc.RootElement.GetProperty("access_token").GetString()
            ?? throw new HttpRequestException("The token endpoint returned no access_token.");
        var lifetime = doc.RootElement.TryGetProperty("expires_in", out var e) && ExpiresIn(e) is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(30);
        _token = token;
        _refreshAt = clock.GetUtcNow() + (lifetime > EarlyRefresh * 2 ? lifetime - EarlyRefresh : lifetime / 2);
        log.LogInformation(TeamsLogEvents.TokenObtained, "Teams: obtained a Connector token valid for {Minutes} minutes", (int)lifetime.TotalMinutes);
        return token;
    }
}
