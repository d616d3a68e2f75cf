using System.Text;

namespace OversightBot.Core.Replies;

/// <summary>Draws a reply as plain text for the terminal, the web chat and notification fallbacks.</summary>
public static class PlainTextRenderer
{
    public static string Render(Reply reply)
    {
        var sb = new StringBuilder();
        sb.Append(reply.Text.TrimEnd());
        if (reply.Actions.Count > 0)
        {
            sb.AppendLine().AppendLine();
            sb.Append("Actions: ").Append(string.Join(" · ", reply.Actions.Select(a => a.Label)));
        }

        if (reply.FollowUps.Count > 0)
        {
            sb.AppendLine().AppendLine();
            sb.Append("Try: ").Append(string.Join(" · ", reply.FollowUps.Select(f => $"\"{f}\"")));
        }

        return sb.ToString();
    }
}
