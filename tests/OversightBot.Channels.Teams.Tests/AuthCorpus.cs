using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using OversightBot.Channels.Teams.Tests.Fakes;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>One request of the authentication corpus: a bearer header and an activity, and whether it must pass.</summary>
public sealed record AuthCase(string Name, string? Authorization, JsonObject Activity, bool Accept);

/// <summary>The authentication corpus: one valid request and the forgeries and mistakes a channel must refuse.</summary>
public static class AuthCorpus
{
    public static IReadOnlyList<AuthCase> Build(FakeIssuer issuer, string serviceUrl, string appId)
    {
        using var stranger = RSA.Create(2048);
        var cases = new List<AuthCase>();
        void Add(string name, string? token, bool accept, string channelId = "msteams") =>
            cases.Add(new AuthCase(name, token is null ? null : "Bearer " + token, Activity(name, serviceUrl, channelId), accept));

        Add("valid", issuer.Token(appId, serviceUrl), true);
        Add("expired-inside-skew", issuer.Token(appId, serviceUrl, expiresIn: TimeSpan.FromMinutes(-2), notBeforeIn: TimeSpan.FromMinutes(-30)), true);
        Add("no-header", null, false);
        Add("wrong-audience", issuer.Token("99999999-8888-7777-6666-555555555555", serviceUrl), false);
        Add("wrong-issuer", issuer.Token(appId, serviceUrl, issuer: "https://sts.evil.example"), false);
        Add("channel-not-endorsed", issuer.Token(appId, serviceUrl, kid: "webchat-key"), false);
        Add("serviceurl-missing", issuer.Token(appId, null), false);
        Add("serviceurl-different", issuer.Token(appId, "https://smba.trafficmanager.net/evil/"), false);
        Add("expired-beyond-skew", issuer.Token(appId, serviceUrl, expiresIn: TimeSpan.FromMinutes(-10), notBeforeIn: TimeSpan.FromMinutes(-70)), false);
        Add("not-yet-valid", issuer.Token(appId, serviceUrl, notBeforeIn: TimeSpan.FromMinutes(10), expiresIn: TimeSpan.FromMinutes(70)), false);
        Add("hs256", FakeIssuer.Hs256Token(appId, serviceUrl), false);
        Add("alg-none", FakeIssuer.UnsignedToken(appId, serviceUrl), false);
        Add("tampered-signature", FakeIssuer.Tamper(issuer.Token(appId, serviceUrl)), false);
        Add("unknown-kid", issuer.Token(appId, serviceUrl, kid: "unknown-key", otherKey: stranger), false);
        Add("known-kid-wrong-key", issuer.Token(appId, serviceUrl, otherKey: stranger), false);
        Add("rs256-as-ps256", issuer.Token(appId, serviceUrl, algorithm: SecurityAlgorithms.RsaSsaPssSha256), false);
        Add("not-a-jwt", "not.a.jwt", false);
        Add("bad-base64-header", "%%%.e30.c2ln", false);
        Add("header-not-json", "bm90IGpzb24.e30.c2ln", false);
        Add("empty-bearer", "", false);
        Add("basic-scheme", null, false);
        cases[^1] = cases[^1] with { Authorization = "Basic dXNlcjpwYXNz" };
        return cases;
    }

    public static JsonObject Activity(string caseName, string serviceUrl, string channelId = "msteams") =>
        Activities.Message("help", serviceUrl, conversationId: "a:auth-" + caseName, channelId: channelId);
}
