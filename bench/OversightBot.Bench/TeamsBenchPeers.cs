using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OversightBot.Bench;

/// <summary>
/// The outside world for <c>bench-teams</c>, on loopback: a Bot Framework token issuer (OpenID metadata + JWKS
/// with endorsements) and a Connector that completes a waiter when a reply for a conversation arrives.
/// </summary>
internal sealed class TeamsBenchPeers : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;
    public string MetadataUrl => BaseUrl + ".well-known/openidconfiguration";
    public string ServiceUrl => BaseUrl + "connector";
    public string TokenEndpoint => BaseUrl + "token";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openidconfiguration", () => Results.Text(
            new JsonObject { ["issuer"] = Issuer, ["jwks_uri"] = BaseUrl + "keys", ["id_token_signing_alg_values_supported"] = new JsonArray("RS256") }.ToJsonString(),
            "application/json"));
        _app.MapGet("/keys", () => Results.Text(Jwks(), "application/json"));
        _app.MapPost("/token", () => Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "bench-token" }));
        _app.MapGet("/connector/v3/conversations/{conversation}/members/{user}", (string user) =>
            Results.Json(new { id = user, email = "olivia.officer@example.org" }));
        _app.MapPost("/connector/v3/conversations/{**rest}", (Delegate)Delivered);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>A task that completes when the Connector receives the reply to activity <paramref name="activityId"/>.</summary>
    public Task WaitForReply(string activityId)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[activityId] = waiter;
        return waiter.Task;
    }

    public string Token(string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
        Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "bench-key" }, SecurityAlgorithms.RsaSha256),
    });

    private async Task<IResult> Delivered(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (ReplyTo(body) is { } replyTo && _waiting.TryRemove(replyTo, out var waiter))
        {
            waiter.TrySetResult();
        }

        return Results.Json(new { id = "activity-1" });
    }

    /// <summary>The replyToId of a message activity, found without parsing the whole (card-sized) body.</summary>
    private static string? ReplyTo(string body)
    {
        const string Marker = "\"replyToId\":\"";
        var start = body.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0 || !body.Contains("\"type\":\"message\"", StringComparison.Ordinal))
        {
            return null;
        }

        start += Marker.Length;
        var end = body.IndexOf('"', start);
        return end < 0 ? null : body[start..end];
    }

    private string Jwks()
    {
        var p = _key.ExportParameters(false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = "bench-key",
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray("msteams"),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _key.Dispose();
    }
}
