using System.Globalization;
using System.Text.RegularExpressions;
using OversightBot.Core.Domain;

namespace OversightBot.Import.Drafting;

/// <summary>
/// Annual Governance Statements: every "MOPAC will" / "The VRU will" commitment under "Areas for focus YYYY/YY",
/// with its governance principle (the section heading), due at the end of that financial year unless the text
/// says otherwise. Sub-bullets stay inside their parent; past achievements are not actions; the drafting stops at
/// the summary table ("6. Governance issues…") that repeats section 5.
/// </summary>
public sealed partial class GovernanceDrafter : IDrafter
{
    private static readonly string[] Imperatives = ["Ensure", "Develop", "Implement", "Deliver", "Review", "Publish", "Establish", "Agree", "Embed", "Continue"];

    public string Kind => "governance-statement";

    public bool Matches(DraftContext document) =>
        document.Paras.Any(p => FocusHeading().IsMatch(p.Text)) && document.Text.Contains(" will", StringComparison.Ordinal);

    public IReadOnlyList<Draft> Draft(DraftContext document)
    {
        var (source, warnings) = Document(document);
        document.Notes.AddRange(warnings);
        var walker = new GovernanceWalk(source, []);
        foreach (var p in document.Paras)
        {
            if (!walker.Step(p))
            {
                break;
            }
        }

        return walker.Drafts();
    }

    private static (DraftSource Source, List<string> Warnings) Document(DraftContext document)
    {
        var title = document.Paras.FirstOrDefault(p => p.Text.Contains("Governance Statement", StringComparison.OrdinalIgnoreCase) && p.Text.Length < 80)?.Text ?? document.File;
        var warnings = new List<string>();
        DateOnly? date = document.Paras.Select(DraftContext.StandaloneDate).FirstOrDefault(d => d is not null);
        if (date is null && FinancialYear().Match(title) is { Success: true } fy)
        {
            date = new DateOnly(int.Parse(fy.Groups[1].Value, CultureInfo.InvariantCulture) + 1, 3, 31);
            warnings.Add($"the statement carries no date: dated {date:yyyy-MM-dd}, the end of the year it covers");
        }

        var issuer = document.Text.Contains("MOPAC", StringComparison.Ordinal) ? "Mayor's Office for Policing and Crime" : "unknown issuer";
        return (new DraftSource(title, issuer, date, "", document.File), warnings);
    }

    internal static DateOnly? FinancialYearEnd(string heading) =>
        FinancialYear().Match(heading) is { Success: true } m ? new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1, 3, 31) : null;

    internal static bool IsImperative(string text) => Imperatives.Any(v => text.StartsWith(v + " ", StringComparison.Ordinal));

    /// <summary>"Developed a …", "Enhanced our …": a bullet that reports what was done, not what will be.</summary>
    internal static bool IsPastAchievement(string text)
    {
        var first = text.Split(' ', 2)[0];
        return first.Length > 4 && first.EndsWith("ed", StringComparison.Ordinal) && char.IsUpper(first[0]);
    }

    [GeneratedRegex(@"^Areas? for focus\s+(\d{4})/(\d{2})", RegexOptions.IgnoreCase)]
    internal static partial Regex FocusHeading();

    [GeneratedRegex(@"(\d{4})/(\d{2})")]
    private static partial Regex FinancialYear();

    [GeneratedRegex(@"^(\d+)\.(\d+)\s+(\S.+)$")]
    internal static partial Regex SubSection();

    [GeneratedRegex(@"^(\d+)\.\s+([A-Z].{3,80})$")]
    internal static partial Regex TopSection();
}
