using System.Text;

namespace OversightBot.Channels.Slack.Tests;

/// <summary>Slack's published signing vector, and every way a forged, stale or replayed request is refused.</summary>
public sealed class SignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Slack_s_published_vector_verifies_and_signs_to_the_same_value()
    {
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Expected, Body, SignedAt.AddSeconds(30)));
        Assert.Equal(Expected, SlackSignature.Sign(Secret, Timestamp, Body));
    }

    public static TheoryData<string, string, string?, string?, string, int> Forgeries() => new()
    {
        { "tampered body", Secret, Timestamp, Expected, "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&text=delete", 0 },
        { "wrong secret", "0000000000000000000000000000000", Timestamp, null, "", 0 },
        { "no timestamp", Secret, null, Expected, "", 0 },
        { "no signature", Secret, Timestamp, "", "", 0 },
        { "timestamp with letters", Secret, "1531420618x", Expected, "", 0 },
        { "negative timestamp", Secret, "-1531420618", Expected, "", 0 },
        { "stale by 301 s", Secret, Timestamp, Expected, "", 301 },
        { "from the future by 301 s", Secret, Timestamp, Expected, "", -301 },
        { "v1 scheme", Secret, Timestamp, "v1=" + Expected[3..], "", 0 },
        { "upper-case hex of another body", Secret, Timestamp, "v0=" + Expected[3..].ToUpperInvariant().Replace('A', 'B'), "", 0 },
        { "truncated", Secret, Timestamp, Expected[..40], "", 0 },
        { "not hex", Secret, Timestamp, "v0=" + new string('z', 64), "", 0 },
        { "replayed a day later", Secret, Timestamp, Expected, "", 86_400 },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_forged_stale_or_replayed_request_is_refused(string why, string secret, string? timestamp, string? signature, string body, int secondsLater)
    {
        var bytes = body.Length == 0 ? Body : Encoding.UTF8.GetBytes(body);
        var sig = signature ?? SlackSignature.Sign(secret, Timestamp, Body);
        var key = signature is null ? Secret : secret;

        var check = SlackSignature.Verify(key, timestamp, sig, bytes, SignedAt.AddSeconds(secondsLater));

        Assert.True(check != SignatureCheck.Valid, $"{why} was accepted");
    }

    [Fact]
    public void Exactly_five_minutes_either_way_is_still_accepted()
    {
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Expected, Body, SignedAt.AddSeconds(300)));
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Expected, Body, SignedAt.AddSeconds(-300)));
        Assert.Equal(SignatureCheck.OutsideWindow, SlackSignature.Verify(Secret, Timestamp, Expected, Body, SignedAt.AddSeconds(-301)));
    }

    [Fact]
    public void Only_the_exact_header_text_is_accepted_not_upper_case_hex_of_the_same_mac() =>
        Assert.Equal(SignatureCheck.BadSignature, SlackSignature.Verify(Secret, Timestamp, "v0=" + Expected[3..].ToUpperInvariant(), Body, SignedAt));
}
