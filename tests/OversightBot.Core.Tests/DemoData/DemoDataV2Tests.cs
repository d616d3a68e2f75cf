using System.Text.RegularExpressions;
using OversightBot.Core.DemoData;
using OversightBot.Core.Domain;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.DemoData;

/// <summary>Demo dataset v2: what the seeds say, recorded as unknown where they say nothing.</summary>
public sealed partial class DemoDataV2Tests
{
    private static readonly DemoDataSet Demo = DemoDataSet.LoadEmbedded();

    [Fact]
    public async Task DueNextQuarter_AsOfJune2023_ListsTheRecurringObligationsByOccurrence()
    {
        var store = new FakeStore(Demo.Items);

        var page = await store.DueBetweenAsync(Some.Date(2023, 7, 1), Some.Date(2023, 9, 30), true, 0, 100, CancellationToken.None);

        var ids = page.Items.Where(i => i.Occurrence is not null).Select(i => i.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { "S-3", "S-4", "S-6", "S-7", "A-17" }, ids);
        Assert.Equal(3, page.Items.Count(i => i.Id == "S-3"));
        Assert.Contains(page.Items, i => i.Id == "S-3" && i.Due == Some.Date(2023, 8, 31));
    }

    [Fact]
    public void NotStatutory_InTheSeeds_IsNotAStatutoryDuty()
    {
        foreach (var id in new[] { "S-2", "S-3", "S-4", "S-6", "S-7" })
        {
            Assert.NotEqual(ItemKind.StatutoryDuty, Demo.Items.Single(i => i.Id == id).Kind);
        }
    }

    [Fact]
    public void Links_DuplicatesAndPartsAreLinked()
    {
        Assert.Contains("A-11", Item("A-19").Addresses);
        Assert.Contains("R-9", Item("A-16").Addresses);
        Assert.All(new[] { "R-7", "R-8", "R-9" }, id => Assert.Equal("R-19", Item(id).ParentId));
        Assert.All(new[] { "A-3", "A-4", "A-9" }, id => Assert.Equal("A-40", Item(id).ParentId));
        Assert.Contains(Demo.Items, i => i.Themes.Contains("casey review"));
    }

    [Fact]
    public void Boards_SayOnlyWhatTheSeedsSay()
    {
        var today = Some.Date(2023, 6, 1);
        Assert.Equal(BoardStanding.Stale, BoardStaleness.Standing(Board("lsocb"), today));
        Assert.Empty(Board("ldf").Publications);
        Assert.Equal(BoardStanding.Unknown, BoardStaleness.Standing(Board("ldf"), today));
        Assert.Contains("December 2020", BoardStaleness.Evaluate(Board("lcrb"), today)[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.Boards, b => BoardStaleness.Standing(b, today) == BoardStanding.UpToDate && b.Publications.Count == 0 && b.Meetings.Count == 0);
        Assert.Equal("twenty times a year", Board("pcc").CadenceAsWritten);
    }

    [Fact]
    public void Unknowns_AreRecordedAsUnknown_NeverInvented()
    {
        Assert.All(Demo.Items.Where(i => i.OwnerUnknown), i => Assert.Equal("unknown", i.Owner));
        Assert.All(Demo.Items.Where(i => i.Status == ItemStatus.Unknown), i => Assert.Null(i.Closed));
        Assert.All(new[] { "Q-17", "Q-18", "Q-19", "Q-20", "Q-21" }, id => Assert.Null(Item(id).Due));
        Assert.True(Item("R-11").OwnerExternal);
        Assert.False(Item("R-11").IsOwnOverdue(Some.Date(2024, 1, 1)));
    }

    [Fact]
    public void Statistics_QuotedInTheSeeds_AreKeptVerbatim()
    {
        Assert.Equal(3, Demo.Statistics.Count);
        Assert.Contains(Demo.Statistics, s => s.Count == 659 && s.Percent == 38m);
        var seeds = SeedFolder();
        if (seeds is null)
        {
            return;
        }

        var texts = Directory.GetFiles(seeds).ToDictionary(f => Path.GetFileName(f), f => Collapse(File.ReadAllText(f)), StringComparer.Ordinal);
        var quotes = Demo.Statistics.Select(s => (s.Id, s.Source.File, s.Quote))
            .Concat(Demo.Items.SelectMany(i => i.OtherSources.Select(o => (i.Id, o.File, o.Quote))));
        foreach (var (id, file, quote) in quotes)
        {
            Assert.True(texts[file!].Contains(Collapse(quote), StringComparison.Ordinal), $"{id}: not verbatim in {file}: {quote}");
        }
    }

    private static TrackedItem Item(string id) => Demo.Items.Single(i => i.Id == id);

    private static Board Board(string id) => Demo.Boards.Single(b => b.Id == id);

    private static string Collapse(string s) => Whitespace().Replace(s, " ").Trim();

    private static string? SeedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
