using System.Text.RegularExpressions;
using OversightBot.Core.DemoData;
using OversightBot.Core.Domain;

namespace OversightBot.Core.Tests.DemoData;

/// <summary>The demo dataset: loads, cites the seeds verbatim, and states the seed facts with the right dates.</summary>
public sealed partial class DemoDataTests
{
    private static readonly DemoDataSet Demo = DemoDataSet.LoadEmbedded();

    [Fact]
    public void Demo_Loads_WithUniqueIds_AndEveryKind()
    {
        Assert.Equal(Demo.Items.Count, Demo.Items.Select(i => i.Id).Distinct().Count());
        foreach (var kind in Enum.GetValues<ItemKind>())
        {
            Assert.Contains(Demo.Items, i => i.Kind == kind);
        }

        Assert.True(Demo.Boards.Count >= 10, "every board the seeds name");
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.Contains(Demo.People, p => p.Role == role);
        }

        Assert.All(Demo.People, p => Assert.EndsWith("@example.org", p.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Committee_FourWeeksFromNineJanuary_IsSixFebruary()
    {
        Assert.Contains(Demo.Items, i => i.Source.Date == new DateOnly(2023, 1, 9) && i.Due == new DateOnly(2023, 2, 6));
    }

    [Fact]
    public void Committee_BoardOverviewByEndOfFebruary_IsTwentyEighthFebruary()
    {
        Assert.Contains(Demo.Items, i => i.Due == new DateOnly(2023, 2, 28)
            && i.Title.Contains("board", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Committee_ResponseByFridayThreeFebruary()
    {
        Assert.Contains(Demo.Items, i => i.Due == new DateOnly(2023, 2, 3));
    }

    [Fact]
    public void Peel_ReportOfTwentySecondSeptember_StartsAFiftySixDayClock()
    {
        Assert.Contains(Demo.Items, i => i.Kind == ItemKind.StatutoryDuty
            && i.Due == new DateOnly(2022, 9, 22).AddDays(56));
    }

    [Fact]
    public void Demo_MayorsQuestion1844_IsAnOpenQuestion()
    {
        var mq = Assert.Single(Demo.Items, i => i.Reference is { } r && r.Replace(" ", "", StringComparison.Ordinal).Equals("MQ1844", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(ItemKind.Question, mq.Kind);
        Assert.True(mq.IsOpen);
    }

    [Fact]
    public void Demo_EveryQuote_IsVerbatimFromItsSeedFile()
    {
        var seeds = SeedFolder();
        if (seeds is null)
        {
            return; // the seed documents sit beside the repository; nothing to compare against here
        }

        var texts = Directory.GetFiles(seeds).ToDictionary(f => Path.GetFileName(f), f => Collapse(File.ReadAllText(f)), StringComparer.Ordinal);
        var quoted = Demo.Items.Select(i => (i.Id, i.Source.File, i.Source.Quote))
            .Concat(Demo.Boards.Where(b => b.Source is not null).Select(b => (b.Id, b.Source!.File, b.Source.Quote)));
        foreach (var (id, file, quote) in quoted)
        {
            Assert.False(string.IsNullOrWhiteSpace(quote), $"{id} has no quote");
            Assert.True(file is not null && texts.ContainsKey(file), $"{id} cites unknown seed file {file}");
            Assert.True(texts[file!].Contains(Collapse(quote), StringComparison.Ordinal), $"{id}: quote not found verbatim in {file}: {quote}");
        }
    }

    [Fact]
    public void Demo_OwnersOfTheDemoPeoplesTeams_OwnItems()
    {
        var teams = Demo.People.Select(p => p.Team).OfType<string>().Distinct();
        Assert.Contains(teams, t => Demo.Items.Any(i => string.Equals(i.Owner, t, StringComparison.OrdinalIgnoreCase)));
    }

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
