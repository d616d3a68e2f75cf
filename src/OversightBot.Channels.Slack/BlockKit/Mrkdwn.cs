using System.Globalization;
using System.Text;

namespace OversightBot.Channels.Slack.BlockKit;

/// <summary>Slack's mrkdwn text: the three control characters escaped, dates as <c>&lt;!date^…&gt;</c> with a fallback.</summary>
public static class Mrkdwn
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> (Slack reads them as markup); nothing else.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => c.ToString() });
        }

        return sb.ToString();
    }

    /// <summary>
    /// A calendar date Slack shows in the reader's own format (<c>date_short_pretty</c>: "today", "Feb 6, 2023"…),
    /// anchored at noon UTC so it is the same day in every UK and European time zone; the fallback is the British form.
    /// </summary>
    public static string Date(DateOnly date)
    {
        var unix = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).ToUnixTimeSeconds();
        return $"<!date^{unix.ToString(CultureInfo.InvariantCulture)}^{{date_short_pretty}}|{Plain(date)}>";
    }

    /// <summary>"Mon 6 Feb 2023".</summary>
    public static string Plain(DateOnly date) => date.ToString("ddd d MMM yyyy", British);

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters, ending with "…" when cut.</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
