using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OversightBot.Channels.Slack;

public enum SignatureCheck
{
    Valid,
    MissingHeaders,
    BadTimestamp,
    /// <summary>More than five minutes from now, in either direction (a replay, or a clock far off).</summary>
    OutsideWindow,
    BadSignature,
}

/// <summary>
/// Slack's request signing: <c>v0=</c> + hex HMAC-SHA256, keyed with the signing secret, over
/// <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>; compared in constant time; the timestamp must be within
/// five minutes of now either way.
/// </summary>
public static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    private const string Version = "v0";

    public static SignatureCheck Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.BadTimestamp;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)SlackOptions.TimestampTolerance.TotalSeconds)
        {
            return SignatureCheck.OutsideWindow;
        }

        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal) || signature.Length != 3 + 64)
        {
            return SignatureCheck.BadSignature;
        }

        // Compared as the exact header text Slack sends (lower-case hex), in constant time.
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var given = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }

    /// <summary>The header value Slack would send (tests and the fake Slack sign with it).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[32];
        Compute(secret, timestamp, body, mac);
        return Version + "=" + Convert.ToHexStringLower(mac);
    }

    private static void Compute(string secret, string timestamp, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        var prefix = Encoding.ASCII.GetBytes($"{Version}:{timestamp}:");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        hmac.GetHashAndReset(mac);
    }
}
