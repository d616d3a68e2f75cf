using System.Text.RegularExpressions;

namespace OversightBot.Tests;

/// <summary>Every log line has a fixed event id, and no two kinds of line share one: operators filter and alert on them.</summary>
public sealed partial class LogEventIdTests
{
    [Fact]
    public void EveryLogCall_InTheProduct_PassesAnEventIdFirst()
    {
        var missing = SourceFiles()
            .SelectMany(f => LogCall().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Call: m.Value, First: m.Groups["first"].Value)))
            .Where(c => !c.First.Contains("LogEvents.", StringComparison.Ordinal))
            .Select(c => $"{c.File}: {c.Call}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void EventIds_AreUnique_AcrossTheProduct()
    {
        var ids = SourceFiles()
            .SelectMany(f => EventIdDeclaration().Matches(File.ReadAllText(f)).Select(m => int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(BotProcess.RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"\.Log(?:Trace|Debug|Information|Warning|Error|Critical)\(\s*(?<first>[^,)]*)")]
    private static partial Regex LogCall();

    [GeneratedRegex(@"(?:new EventId\(|EventId = )(?<id>\d+)")]
    private static partial Regex EventIdDeclaration();
}
