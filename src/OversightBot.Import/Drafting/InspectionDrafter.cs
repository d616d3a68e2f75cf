using System.Text.RegularExpressions;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;

namespace OversightBot.Import.Drafting;

/// <summary>
/// Inspection reports (HMICFRS style): numbered recommendations and areas for improvement, with deadlines resolved
/// against the publication date, and the local policing body's duty to publish comments within 56 days of
/// publication as its own item linked to them.
/// </summary>
public sealed partial class InspectionDrafter : IDrafter
{
    public const int CommentDays = 56;

    public string Kind => "inspection";

    public bool Matches(DraftContext document) =>
        document.Text.Contains("Inspectorate of Constabulary", StringComparison.OrdinalIgnoreCase) | document.Text.Contains("HMICFRS", StringComparison.Ordinal)
        && document.Paras.Any(p => Numbered().IsMatch(p.Text));

    public IReadOnlyList<Draft> Draft(DraftContext document)
    {
        var warnings = new List<string>();
        var published = document.Paras.Where(p => p.StartsWith("Published") || p.StartsWith("Publication date")).Select(p => DraftContext.FirstFullDate(p.Text)).FirstOrDefault(d => d is not null)
            ?? document.Paras.Select(DraftContext.StandaloneDate).FirstOrDefault(d => d is not null);
        if (published is null)
        {
            warnings.Add("the publication date was not found: deadlines cannot be resolved");
        }

        var title = document.Paras.FirstOrDefault(p => !p.Bullet && p.Text.Length is > 10 and < 150)?.Text ?? document.File;
        var force = ForceOf().Match(document.Text) is { Success: true } f ? f.Groups[1].Value.Trim() : null;
        var source = new DraftSource(title, "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services", published, "", document.File);
        var drafts = document.Paras.Select(p => (p, m: Numbered().Match(p.Text))).Where(x => x.m.Success)
            .Select(x => Finding(x.p, x.m, source, force, warnings)).ToList();
        if (published is { } date && drafts.Count > 0)
        {
            drafts.Add(CommentsDuty(document, source, date, drafts));
        }

        return drafts;
    }

    private static Draft Finding(Para p, Match m, DraftSource source, string? force, List<string> documentWarnings)
    {
        var isRecommendation = m.Groups["what"].Value.StartsWith("Recommendation", StringComparison.OrdinalIgnoreCase);
        var label = isRecommendation ? "Recommendation" : "Area for improvement";
        var text = m.Groups["text"].Value.Trim();
        var warnings = new List<string>(documentWarnings);
        var deadline = source.Date is { } d ? DeadlineResolver.Resolve(text, d) : Core.Language.Deadline.None;
        if (deadline.Due is null)
        {
            warnings.Add(isRecommendation ? "no deadline in the recommendation: set the due date" : "areas for improvement carry no deadline: set one if it is tracked to a date");
        }

        if (force is null)
        {
            warnings.Add("the inspected force was not found: set the owner");
        }

        var hash = DraftIds.Hash("inspection", source.Document, label, m.Groups["n"].Value, text);
        return new Draft
        {
            Id = DraftIds.FromHash(ItemKind.Recommendation, hash),
            Kind = ItemKind.Recommendation,
            SubKind = isRecommendation ? "HMICFRS" : "HMICFRS AFI",
            Reference = $"{label} {m.Groups["n"].Value}",
            Title = Titles.From(Titles.AfterModal(text)),
            Text = text,
            Owner = force,
            Due = deadline.Due,
            DuePrecision = deadline.Due is null ? null : "day",
            DueRule = deadline.Matched,
            Opened = source.Date,
            Source = source with { Quote = p.Text },
            Warnings = warnings,
            ContentHash = hash,
        };
    }

    private static Draft CommentsDuty(DraftContext document, DraftSource source, DateOnly published, List<Draft> findings)
    {
        var stated = document.Paras.FirstOrDefault(p => p.Text.Contains("56 days", StringComparison.Ordinal));
        var publishedPara = document.Paras.FirstOrDefault(p => p.StartsWith("Published") || p.StartsWith("Publication date"));
        var quote = stated?.Text ?? publishedPara?.Text ?? source.Document;
        var body = document.Text.Contains("MOPAC", StringComparison.Ordinal) || document.Text.Contains("Metropolitan Police", StringComparison.Ordinal)
            ? "Mayor's Office for Policing and Crime" : null;
        var hash = DraftIds.Hash("inspection-comments", source.Document, published.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return new Draft
        {
            Id = DraftIds.FromHash(ItemKind.StatutoryDuty, hash),
            Kind = ItemKind.StatutoryDuty,
            SubKind = "HMICFRS",
            Title = $"Publish comments on '{Titles.From(source.Document)}'",
            Text = $"The local policing body must publish its comments on the report, and the chief officer's, within {CommentDays} days of its publication on {published:yyyy-MM-dd} (Police Act 1996, s.55).",
            Owner = body,
            Due = published.AddDays(CommentDays),
            DuePrecision = "day",
            DueRule = $"within {CommentDays} days of publication",
            Opened = published,
            Source = source with { Quote = quote },
            LinkedTo = [.. findings.Select(f => f.Id)],
            Warnings = body is null ? ["the local policing body was not found: set the owner"] : [],
            ContentHash = hash,
        };
    }

    [GeneratedRegex(@"^(?<what>Recommendation|Area for improvement|AFI)\s+(?<n>\d+)\s*[:.–-]?\s*(?<text>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"inspection of (?:the )?([A-Z][\w ]+?(?:Police Service|Police|Constabulary))\b")]
    private static partial Regex ForceOf();
}
