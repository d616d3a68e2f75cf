using System.Text.RegularExpressions;
using OversightBot.Core.Domain;

namespace OversightBot.Import.Drafting;

/// <summary>
/// Committee reports: the "That the Committee…" recommendations under the report's "Recommendations" heading, owned
/// by the committee the report goes to, due on the meeting date when they ask the meeting to note something.
/// </summary>
public sealed partial class ReportDrafter : IDrafter
{
    public string Kind => "report";

    public bool Matches(DraftContext document) =>
        document.Paras.Any(p => p.StartsWith("Report to:")) && document.Paras.Any(p => ThatThe().IsMatch(Plain(p.Text)));

    public IReadOnlyList<Draft> Draft(DraftContext document)
    {
        var header = document.Paras.FirstOrDefault(p => p.StartsWith("Report to:"))?.Text ?? "";
        var committee = Field(header, "Report to:");
        var date = DraftContext.FirstFullDate(Field(header, "Date:"));
        var title = document.Paras.FirstOrDefault(p => p.StartsWith("Subject:"))?.Text[8..].Trim() ?? document.File;
        var issuer = Field(header, "Report of:");
        var source = new DraftSource(title, issuer.Length > 0 ? $"London Assembly – {issuer}" : "London Assembly", date, "", document.File);
        return document.Paras.Where(p => ThatThe().IsMatch(Plain(p.Text))).Select(p => Recommendation(p, source, committee)).ToList();
    }

    private static Draft Recommendation(Para p, DraftSource source, string committee)
    {
        var text = ThatThe().Replace(Plain(p.Text), "").TrimEnd('.');
        var notes = text.StartsWith("Committee notes", StringComparison.Ordinal);
        var warnings = new List<string>();
        if (!notes)
        {
            warnings.Add("no date: set the due date when the output is known");
        }

        var hash = DraftIds.Hash("report", source.Document, p.Text);
        return new Draft
        {
            Id = DraftIds.FromHash(ItemKind.Recommendation, hash),
            Kind = ItemKind.Recommendation,
            SubKind = "Committee report",
            Title = Titles.From(text),
            Text = Plain(p.Text),
            Owner = committee.Length > 0 ? $"London Assembly {committee}" : null,
            Due = notes ? source.Date : null,
            DuePrecision = notes && source.Date is not null ? "day" : null,
            DueRule = notes ? "at the meeting" : null,
            Opened = source.Date,
            Source = source with { Quote = p.Text },
            Warnings = committee.Length > 0 ? warnings : [.. warnings, "the committee was not found: set the owner"],
            ContentHash = hash,
        };
    }

    private static string Plain(string text) => text.Replace("**", "", StringComparison.Ordinal).Trim();

    private static string Field(string header, string name)
    {
        var at = header.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            return "";
        }

        var rest = header[(at + name.Length)..];
        var next = NextField().Match(rest);
        return (next.Success ? rest[..next.Index] : rest).Trim();
    }

    [GeneratedRegex(@"^(\d+\.\d+\s+)?That the ")]
    private static partial Regex ThatThe();

    [GeneratedRegex(@"\s[A-Z][a-z]+(?: [a-z]+)?:\s")]
    private static partial Regex NextField();
}
