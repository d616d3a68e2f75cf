using System.Text.RegularExpressions;

namespace OversightBot.Core.Language;

/// <summary>A manager's answer to a requested due-date revision: "approve R-5", "reject the new date for R-5".</summary>
public sealed record RevisionDecision(string ItemId, bool Approve) : Intent("update");

/// <summary>Recognises revision decisions before the general recognizer sees the text.</summary>
public static partial class RevisionDecisions
{
    public static RevisionDecision? Match(string text)
    {
        var m = Pattern().Match(text);
        return m.Success
            ? new RevisionDecision(m.Groups["id"].Value.ToUpperInvariant().Replace("--", "-", StringComparison.Ordinal), m.Groups["verb"].Value.StartsWith("approve", StringComparison.OrdinalIgnoreCase))
            : null;
    }

    [GeneratedRegex(@"^\s*(?<verb>approve|reject|decline)\s+(the\s+)?((new\s+date|revision|date\s+change|request)\s+(for|on|of)\s+)?(?<id>[RASQ]-?\d{1,6})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Pattern();
}
