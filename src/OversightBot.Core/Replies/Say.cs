using System.Globalization;
using OversightBot.Core.Domain;

namespace OversightBot.Core.Replies;

/// <summary>
/// The one place reply wording comes from: dates in British form, statuses, "N days late", "N more", counts with
/// their nouns, and phrases joined without doubled brackets.
/// </summary>
public static class Say
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Fri 3 Feb 2023".</summary>
    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", British);

    /// <summary>"3 February 2023", for running text.</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <summary>"February 2023".</summary>
    public static string Month(DateOnly date) => date.ToString("MMMM yyyy", British);

    public static string Status(ItemStatus status) => status switch
    {
        ItemStatus.Open => "open",
        ItemStatus.InProgress => "in progress",
        ItemStatus.Done => "done",
        ItemStatus.NotAccepted => "not accepted",
        ItemStatus.Withdrawn => "withdrawn",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The words for a status as the reply model names it ("inProgress" → "in progress").</summary>
    public static string StatusName(string name) => name switch
    {
        "inProgress" => "in progress",
        "notAccepted" => "not accepted",
        _ => name,
    };

    public static string Kind(ItemKind kind, int n = 1) => (kind, n == 1) switch
    {
        (ItemKind.Recommendation, true) => "recommendation",
        (ItemKind.Recommendation, false) => "recommendations",
        (ItemKind.ImprovementAction, true) => "improvement action",
        (ItemKind.ImprovementAction, false) => "improvement actions",
        (ItemKind.StatutoryDuty, true) => "statutory duty",
        (ItemKind.StatutoryDuty, false) => "statutory duties",
        (_, true) => "question",
        _ => "questions",
    };

    /// <summary>"1 day", "12 days".</summary>
    public static string Days(int n) => Count(n, "day");

    /// <summary>"1 item", "3 items"; irregular plurals given.</summary>
    public static string Count(int n, string noun, string? plural = null) =>
        n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {plural ?? noun + "s"}";

    /// <summary>"12 days late".</summary>
    public static string Late(int days) => $"{Days(days)} late";

    /// <summary>"4 more — say \"more\"."; empty when nothing is left.</summary>
    public static string More(int left) => left > 0 ? $"{left.ToString(CultureInfo.InvariantCulture)} more — say \"more\"." : "";

    /// <summary>A duration in words: "17 months (530 days)", "3 weeks (21 days)", "5 days".</summary>
    public static string Span(int days)
    {
        if (days < 14)
        {
            return Days(days);
        }

        if (days < 61)
        {
            return $"{Count(days / 7, "week")} ({Days(days)})";
        }

        var months = (int)Math.Round(days / 30.44);
        return months < 24 ? $"{Count(months, "month")} ({Days(days)})" : $"{Count(days / 365, "year")} and {Count(months % 12, "month")} ({Days(days)})";
    }

    /// <summary>"38%" or "37.5%".</summary>
    public static string Percent(decimal value) => value.ToString(value == Math.Round(value) ? "0" : "0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// A value followed by a remark in brackets, never doubled: ("no date set", "none set (promised at …)") gives
    /// "no date set — none set (promised at …)".
    /// </summary>
    public static string WithRemark(string value, string? remark)
    {
        if (string.IsNullOrWhiteSpace(remark))
        {
            return value;
        }

        var r = remark.Trim();
        return r.Contains('(', StringComparison.Ordinal) || r.Contains(')', StringComparison.Ordinal) ? $"{value} — {r}" : $"{value} ({r})";
    }

    /// <summary>"a, b and c".</summary>
    public static string List(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };
}
