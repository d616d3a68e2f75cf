using System.Text.RegularExpressions;
using OversightBot.Core.Domain;
using OversightBot.Core.Time;

namespace OversightBot.Import.Drafting;

/// <summary>
/// Decision forms (e.g. a London Assembly "MDA"): the approval date and the duty to publish the form within one
/// working day of approval (or on the deferral date); a decision to be noted at a later meeting is drafted too.
/// </summary>
public sealed partial class DecisionDrafter : IDrafter
{
    public string Kind => "decision";

    public bool Matches(DraftContext document) =>
        document.Paras.Any(p => DecisionNumber().IsMatch(p.Text)) && document.Text.Contains("approv", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<Draft> Draft(DraftContext document)
    {
        var number = document.Paras.Select(p => DecisionNumber().Match(p.Text)).First(m => m.Success);
        var reference = $"{number.Groups[1].Value.ToUpperInvariant()} {number.Groups[2].Value}";
        var title = document.Paras.FirstOrDefault(p => p.StartsWith("Title:"))?.Text[6..].Trim() ?? reference;
        var approvalAt = document.IndexOf(p => p.Text.Contains("has my approval", StringComparison.OrdinalIgnoreCase));
        var dateAt = approvalAt < 0 ? -1 : document.IndexOf(p => p.StartsWith("Date:") && DraftContext.StandaloneDate(p) is not null, approvalAt);
        DateOnly? approved = dateAt < 0 ? null : DraftContext.StandaloneDate(document.Paras[dateAt]);
        var source = new DraftSource($"{reference} – {title}", "London Assembly", approved, "", document.File);
        var drafts = new List<Draft>();
        if (Publication(document, reference, title, approved, source) is { } publish)
        {
            drafts.Add(publish);
        }

        if (document.Paras.FirstOrDefault(p => p.Text.Contains("will be formally noted", StringComparison.OrdinalIgnoreCase)) is { } noted)
        {
            drafts.Add(Noting(noted, reference, approved, source));
        }

        return drafts;
    }

    private static Draft? Publication(DraftContext document, string reference, string title, DateOnly? approved, DraftSource source)
    {
        var duty = document.Paras.FirstOrDefault(p => p.Text.Contains("within one working day", StringComparison.OrdinalIgnoreCase));
        if (duty is null)
        {
            return null;
        }

        var warnings = new List<string>();
        if (approved is null)
        {
            warnings.Add("the approval date was not found: set the due date (one working day after approval)");
        }

        var deferred = document.Paras.Any(p => p.Text.Contains("to be deferred?", StringComparison.OrdinalIgnoreCase) && p.Text.TrimEnd().EndsWith("YES", StringComparison.Ordinal));
        if (deferred)
        {
            warnings.Add("publication is deferred: set the due date to the deferral date");
        }

        var owner = document.Text.Contains("(Committee Services)", StringComparison.Ordinal) ? "London Assembly Committee Services" : null;
        if (owner is null)
        {
            warnings.Add("no publishing team named: set the owner");
        }

        var hash = DraftIds.Hash("decision-publication", reference, duty.Text);
        DateOnly? due = approved is { } a && !deferred ? WorkingDays.EnglandAndWales.AddWorkingDays(a, 1) : null;
        return new Draft
        {
            Id = DraftIds.FromHash(ItemKind.StatutoryDuty, hash),
            Kind = ItemKind.StatutoryDuty,
            SubKind = "Decision form",
            Reference = reference,
            Title = $"Publish decision form {reference} within one working day of approval",
            Text = $"{title}: {duty.Text}",
            Owner = owner,
            Due = due,
            DuePrecision = due is null ? null : "day",
            DueRule = "within one working day of approval",
            Opened = approved,
            Source = source with { Quote = duty.Text },
            Warnings = warnings,
            ContentHash = hash,
        };
    }

    private static Draft Noting(Para noted, string reference, DateOnly? approved, DraftSource source)
    {
        var hash = DraftIds.Hash("decision-noting", reference, noted.Text);
        var meeting = NextMeeting().Match(noted.Text);
        return new Draft
        {
            Id = DraftIds.FromHash(ItemKind.Recommendation, hash),
            Kind = ItemKind.Recommendation,
            SubKind = "Decision",
            Reference = reference,
            Title = $"Note the {reference} decision at the {(meeting.Success ? meeting.Groups[1].Value : "next")} meeting",
            Text = noted.Text,
            Owner = meeting.Success ? $"London Assembly {meeting.Groups[1].Value}" : null,
            Opened = approved,
            Source = source with { Quote = noted.Text },
            Warnings = ["no date: the next appropriate meeting is not named; set the due date once the meeting is known", .. meeting.Success ? Array.Empty<string>() : ["no committee named: set the owner"]],
            ContentHash = hash,
        };
    }

    [GeneratedRegex(@"\b(MDA|DD|ADD|MD|PCD|DMPCD)\s*No\.?:?\s*(\d{2,5})\b")]
    private static partial Regex DecisionNumber();

    [GeneratedRegex(@"\bat the ([A-Z][\w ]+? Committee)'s next")]
    private static partial Regex NextMeeting();
}
