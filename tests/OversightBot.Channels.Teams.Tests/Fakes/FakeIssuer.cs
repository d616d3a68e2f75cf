using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OversightBot.Testing;

namespace OversightBot.Channels.Teams.Tests.Fakes;

/// <summary>
/// A local Bot Framework token issuer: OpenID metadata and a JWKS whose keys carry <c>endorsements</c>, and
/// tokens signed with them. Key "teams-key" endorses msteams; "webchat-key" endorses only webchat.
/// </summary>
public sealed class FakeIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private readonly Dictionary<string, (RSA Key, string[] Endorsements)> _keys = new(StringComparer.Ordinal);

    private FakeIssuer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public string MetadataUrl => new Uri(BaseUrl, ".well-known/openidconfiguration").ToString();
    public int MetadataRequests { get; private set; }

    public static async Task<FakeIssuer> StartAsync()
    {
        var app = Loopback.Builder().Build();
        var issuer = new FakeIssuer(app);
        issuer.AddKey("teams-key", "msteams", "webchat");
        issuer.AddKey("webchat-key", "webchat");
        app.MapGet("/.well-known/openidconfiguration", (HttpContext _) =>
        {
            issuer.MetadataRequests++;
            return Results.Text(new JsonObject
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = "https://invalid.example/authorize",
                ["jwks_uri"] = new Uri(issuer.BaseUrl, "keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            }.ToJsonString(), "application/json");
        });
        app.MapGet("/keys", () => Results.Text(issuer.Jwks(), "application/json"));
        issuer.BaseUrl = await Loopback.StartAsync(app);
        return issuer;
    }

    /// <summary>Adds (or, for rollover tests, publishes) a signing key.</summary>
    public void AddKey(string kid, params string[] endorsements) => _keys[kid] = (RSA.Create(2048), endorsements);

    public void RemoveKey(string kid) => _keys.Remove(kid, out _);

    public string Jwks()
    {
        var keys = new JsonArray();
        foreach (var (kid, (rsa, endorsements)) in _keys)
        {
            var p = rsa.ExportParameters(false);
            keys.Add(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = kid,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
            });
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    /// <summary>A token as the Bot Framework channel would send it; change any part to forge one.</summary>
    public string Token(
        string audience, string? serviceUrl, string kid = "teams-key", string issuer = Issuer,
        TimeSpan? expiresIn = null, TimeSpan? notBeforeIn = null, string algorithm = SecurityAlgorithms.RsaSha256, RSA? otherKey = null)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["appid"] = "d6d49420-f39b-4df7-a1dc-d59a935871db" };
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var notBefore = now + (notBeforeIn ?? TimeSpan.FromMinutes(-1));
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(60));
        var key = new RsaSecurityKey(otherKey ?? _keys[kid].Key) { KeyId = kid };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = notBefore,
            IssuedAt = notBefore < expires ? notBefore : expires.AddMinutes(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static string Hs256Token(string audience, string serviceUrl)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a shared secret that is long enough for HS256")) { KeyId = "teams-key" },
                SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static string UnsignedToken(string audience, string serviceUrl)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT","kid":"teams-key"}""");
        var payload = Base64UrlEncoder.Encode(new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now - 60,
            ["exp"] = now + 1800,
        }.ToJsonString());
        return $"{header}.{payload}.";
    }

    /// <summary>Flips a character in the middle of the signature.</summary>
    public static string Tamper(string token)
    {
        var chars = token.ToCharArray();
        var i = token.LastIndexOf('.') + 10;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var (key, _) in _keys.Values)
        {
            key.Dispose();
        }
    }
}
