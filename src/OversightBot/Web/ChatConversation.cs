using System.Security.Cryptography;

namespace OversightBot.Web;

/// <summary>
/// Which web chat conversation a request belongs to, so every browser has its own "more": the id the caller
/// sends (API clients), else the page's cookie, else a new random id set as that cookie.
/// </summary>
public static class ChatConversation
{
    public const string Cookie = "oversightbot-chat";

    public static string For(HttpContext http, string? sent)
    {
        if (!string.IsNullOrWhiteSpace(sent))
        {
            return "api:" + sent;
        }

        if (http.Request.Cookies.TryGetValue(Cookie, out var known) && IsOurs(known))
        {
            return "browser:" + known;
        }

        var fresh = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(Cookie, fresh, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            Path = "/",
        });
        return "browser:" + fresh;
    }

    private static bool IsOurs(string? value) => value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower);
}
