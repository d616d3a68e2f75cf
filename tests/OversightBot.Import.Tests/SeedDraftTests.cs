using System.Text.RegularExpressions;
using OversightBot.Core.Domain;
using OversightBot.Import.Drafting;

namespace OversightBot.Import.Tests;

/// <summary>Each seed document, drafted in a dry run, gives the items and dates its text states.</summary>
public sealed partial class SeedDraftTests
{
    private static readonly DateOnly LetterDate = new(2023, 1, 9);

    [Fact]
    public void CommitteeLetter_RecommendationsAndReplyBy_AreDraftedWithResolvedDeadlines()
    {
        var result = Seeds.Draft(Seeds.Letter);
        Assert.Equal(["decision", "letter"], result.Kinds);
        var recs = result.Drafts.Where(d => d.SubKind == "Committee").ToList();
        Assert.Equal(5, recs.Count);
        Assert.All(recs, r => Assert.Equal("Mayor's Office for Policing and Crime", r.Owner));
        Assert.All(recs, r => Assert.Equal(LetterDate, r.Source.Date));

        var quarterly = recs.Where(r => r.Recurrence == Recurrence.Quarterly).ToList();
        Assert.Equal(2, quarterly.Count);
        Assert.All(quarterly, q => Assert.Equal(new DateOnly(2023, 3, 31), q.Due));
        Assert.All(quarterly, q => Assert.Contains(q.Warnings, w => w.Contains("assumed", StringComparison.Ordinal)));

        Assert.Equal(new DateOnly(2023, 2, 6), Single(recs, "within four weeks").Due);
        Assert.Equal(new DateOnly(2023, 2, 28), Single(recs, "By the end of February 2023").Due);
        var website = Single(recs, "Within the next four weeks");
        Assert.Equal(new DateOnly(2023, 2, 6), website.Due);
        Assert.Equal(["a", "b", "c"], website.Parts.Select(p => p.Label));
        Assert.StartsWith("provide details to the Committee", website.Parts[1].Text, StringComparison.Ordinal);
        Assert.Empty(website.Warnings);

        var reply = Assert.Single(result.Drafts, d => d.SubKind == "Committee letter");
        Assert.Equal(ItemKind.StatutoryDuty, reply.Kind);
        Assert.Equal(new DateOnly(2023, 2, 3), reply.Due);
        Assert.Equal("Sadiq Khan, Mayor of London", reply.Owner);
    }

    [Fact]
    public void DecisionForm_PublicationDuty_IsDueOneWorkingDayAfterApproval()
    {
        var result = Seeds.Draft(Seeds.Letter, "decision");
        var publish = Assert.Single(result.Drafts, d => d.Kind == ItemKind.StatutoryDuty);
        Assert.Equal("MDA 1450", publish.Reference);
        Assert.Equal(LetterDate, publish.Opened);
        Assert.Equal(new DateOnly(2023, 1, 10), publish.Due);
        var noting = Assert.Single(result.Drafts, d => d.Kind == ItemKind.Recommendation);
        Assert.Null(noting.Due);
        Assert.NotEmpty(noting.Warnings);
    }

    [Fact]
    public void GovernanceStatement_FocusCommitments_AreActionsDueAtTheEndOfTheYear()
    {
        var result = Seeds.Draft(Seeds.Governance);
        var drafts = result.Drafts;
        Assert.Equal(["governance-statement"], result.Kinds);
        Assert.Equal(37, drafts.Count);
        Assert.All(drafts, d => Assert.Equal(ItemKind.ImprovementAction, d.Kind));
        Assert.All(drafts, d => Assert.Equal(new DateOnly(2024, 3, 31), d.Due));
        Assert.Equal(drafts.Count, drafts.Select(d => DraftIds.Normalise(d.Title)).Distinct().Count());
        Assert.DoesNotContain(drafts, d => d.Source.Quote.StartsWith("Developed", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("no date", StringComparison.Ordinal));

        var programme = Single(drafts, "implement the Finance and Corporate Services transformation programme");
        Assert.Contains("an effective and sustainable operating model", programme.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(drafts, d => d.Title.StartsWith("An effective and sustainable", StringComparison.Ordinal));
        var framework = Single(drafts, "develop a performance framework for the London Policing Board");
        Assert.Contains("Consider external validation", framework.Text, StringComparison.Ordinal);
        Assert.Equal("Defining outcomes in terms of sustainable economic, social and environmental benefits", framework.Section);

        Assert.Equal(5, drafts.Count(d => d.Owner == "Violence Reduction Unit"));
        Assert.Equal("Ensuring openness and comprehensive Stakeholder Engagement", Single(drafts, "review PRG membership").Section);
        Assert.Single(drafts, d => d.Warnings.Count > 0);
    }

    [Fact]
    public void MemberLetter_QuestionsAndMayorsQuestions_CarryResponseDateAndState()
    {
        var drafts = Seeds.Draft(Seeds.MemberLetter).Drafts;
        var questions = drafts.Where(d => d.SubKind == "Letter").ToList();
        Assert.Equal(5, questions.Count);
        Assert.All(questions, q => Assert.Equal((new DateOnly(2023, 9, 5), new DateOnly(2023, 11, 8), ItemStatus.Done), (q.Opened!.Value, q.Closed!.Value, q.Status)));
        Assert.All(questions, q => Assert.Contains("64 days", q.Text, StringComparison.Ordinal));
        Assert.All(questions, q => Assert.Equal("Diana Luchford", q.Owner));

        var mqs = drafts.Where(d => d.SubKind == "MQ").ToList();
        Assert.Equal(["MQ 1844", "MQ 2586", "MQ 0651"], mqs.Select(m => m.Reference));
        Assert.All(mqs, m => Assert.Equal(ItemStatus.Open, m.Status));
        var stopAndSearch = mqs[0];
        Assert.Equal((new DateOnly(2022, 6, 1), "month"), (stopAndSearch.Opened!.Value, stopAndSearch.DuePrecision!));
        Assert.Contains("being reviewed by DMPC", stopAndSearch.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2022, 7, 1), mqs[1].Opened);
        Assert.Contains(mqs[2].Warnings, w => w.Contains("asked", StringComparison.Ordinal));
    }

    [Fact]
    public void CommitteeReport_NotingRecommendation_IsDueOnTheMeetingDate()
    {
        var drafts = Seeds.Draft(Seeds.Report).Drafts;
        Assert.Equal(2, drafts.Count);
        Assert.Equal(new DateOnly(2023, 5, 24), drafts[0].Due);
        Assert.Equal("London Assembly Police and Crime Committee", drafts[0].Owner);
        Assert.Null(drafts[1].Due);
    }

    [Fact]
    public void Introduction_NothingToTrack_DraftsNothingAndSaysSo()
    {
        var result = Seeds.Draft(Seeds.Introduction);
        Assert.Empty(result.Drafts);
        Assert.Contains(result.Notes, n => n.Contains("not recognised", StringComparison.Ordinal));
    }

    [Fact]
    public void EverySeedDraft_QuotesItsSourceVerbatim_AndHasAStableId()
    {
        foreach (var seed in Seeds.All)
        {
            var text = Collapse(Seeds.Text(seed));
            var first = Seeds.Draft(seed).Drafts;
            var again = Seeds.Draft(seed).Drafts;
            Assert.Equal(first.Select(d => d.Id), again.Select(d => d.Id));
            Assert.All(first, d => Assert.Matches(@"^[RASQ]-[1-9][0-9]{5}$", d.Id));
            Assert.All(first, d => Assert.True(text.Contains(Collapse(d.Source.Quote), StringComparison.Ordinal), $"{seed} {d.Id}: {d.Source.Quote}"));
        }
    }

    [Fact]
    public void InspectionReport_FindingsAndTheFiftySixDayDuty_AreDraftedAndLinked()
    {
        var file = Import.Reading.InputFile.FromBytes("peel.txt", System.Text.Encoding.UTF8.GetBytes(Inspection));
        var drafts = DraftEngine.Draft(file).Drafts;
        Assert.Equal(4, drafts.Count);
        var recommendation = Assert.Single(drafts, d => d.Reference == "Recommendation 1");
        Assert.Equal(new DateOnly(2023, 3, 31), recommendation.Due);
        Assert.Equal("Metropolitan Police Service", recommendation.Owner);
        var afis = drafts.Where(d => d.SubKind == "HMICFRS AFI").ToList();
        Assert.Equal(2, afis.Count);
        Assert.All(afis, a => Assert.Null(a.Due));
        var duty = Assert.Single(drafts, d => d.Kind == ItemKind.StatutoryDuty);
        Assert.Equal(new DateOnly(2022, 11, 17), duty.Due);
        Assert.Equal(drafts.Where(d => d != duty).Select(d => d.Id), duty.LinkedTo);
    }

    public const string Inspection = """
        PEEL 2021/22: An inspection of the Metropolitan Police Service

        Published: 22 September 2022

        His Majesty's Inspectorate of Constabulary and Fire & Rescue Services inspected how well the force keeps people safe.

        Recommendation 1: By 31 March 2023, the force should make sure it answers emergency calls within the national standard.

        Area for improvement 1: The force should improve how it records crime involving vulnerable victims.

        Area for improvement 2: The force should make better use of its performance data to understand demand.
        """;

    private static Draft Single(IEnumerable<Draft> drafts, string words) =>
        Assert.Single(drafts, d => d.Text.Contains(words, StringComparison.Ordinal));

    private static string Collapse(string s) => Whitespace().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
