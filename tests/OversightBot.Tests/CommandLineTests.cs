using System.CommandLine;
using System.Reflection;
using OversightBot.Cli;
using OversightBot.Testing;

namespace OversightBot.Tests;

/// <summary>The command line as users meet it: help on every verb, suggestions for typos, documented exit codes.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static TheoryData<string> VerbNames()
    {
        var data = new TheoryData<string>();
        foreach (var verb in CommandLine.Build(new CliContext(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null))).Subcommands)
        {
            data.Add(verb.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VerbNames))]
    public async Task Help_OnEveryVerb_ExitsZero_AndListsTheDbOption(string verb)
    {
        var r = await Cli.RunAsync(verb, "--help");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Matches($@"Usage:\s+\S+ {verb}\b", r.Output);
        Assert.Contains("--db <PATH>", r.Output, StringComparison.Ordinal);
        Assert.Empty(r.Error);
    }

    [Fact]
    public async Task HelpVerb_NamesEveryVerb_AndExplainsOne()
    {
        var all = await Cli.RunAsync("help");
        var outbox = await Cli.RunAsync("help", "outbox");

        Assert.Equal(ExitCodes.Ok, all.ExitCode);
        foreach (var verb in new[] { "serve", "ask", "parse", "recognize", "simulate", "outbox", "teams-package" })
        {
            Assert.Contains(verb, all.Output, StringComparison.Ordinal);
        }

        Assert.Contains("--retry-dead", outbox.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("akk", "'ask'")]
    [InlineData("outbx", "'outbox'")]
    [InlineData("simualte", "'simulate'")]
    public async Task UnknownVerb_IsAUsageError_ThatSuggestsTheClosestVerb(string typo, string suggestion)
    {
        var r = await Cli.RunAsync(typo, "what's overdue?");

        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.StartsWith($"error: unknown verb '{typo}'. Did you mean {suggestion}", r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Output);
    }

    [Theory]
    [InlineData("ask", "--as-off", "'--as-of'")]
    [InlineData("parse", "--jsn", "'--json'")]
    [InlineData("simulate", "--form", "'--from'")]
    public async Task UnknownOption_IsAUsageError_ThatSuggestsTheClosestOption_AndCreatesNothing(string verb, string typo, string suggestion)
    {
        var db = _folder.File("typo.db");

        var r = await Cli.RunAsync(verb, "what's due?", typo, "2023-01-01", "--db", db);

        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.StartsWith("error: ", r.Error, StringComparison.Ordinal);
        Assert.Contains($"Did you mean {suggestion}", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Serve_RefusesAWordThatIsNotASetting_BeforeOpeningTheStore()
    {
        var db = _folder.File("serve.db");

        var r = await Cli.RunAsync("serve", "--dbb", "x", "--db", db);

        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("serve does not know '--dbb'", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void SettingOverrides_AcceptSectionKeyForms_AndRefuseADanglingKey()
    {
        Assert.Equal(["--Proactive:Enabled=false", "--Teams:BotName", "Bot"], ServeVerb.SettingOverrides(["--Proactive:Enabled=false", "--Teams:BotName", "Bot"]));
        Assert.Throws<UsageException>(() => ServeVerb.SettingOverrides(["--Teams:BotName"]));
        Assert.Throws<UsageException>(() => ServeVerb.SettingOverrides(["stray"]));
    }

    [Fact]
    public async Task DbWithoutAPath_IsAUsageError()
    {
        var r = await Cli.RunAsync("outbox", "--db");

        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.StartsWith("error: ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCodes_AreDistinct_AndEachIsDocumentedInTheReadme()
    {
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (f.Name, Value: (int)f.GetValue(null)!)).ToList();
        var readme = File.ReadAllText(Path.Combine(BotProcess.RepoRoot(), "README.md"));

        Assert.Equal(codes.Count, codes.Select(c => c.Value).Distinct().Count());
        Assert.All(codes, c => Assert.Contains($"| {c.Value} | `{c.Name}` |", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void TypoDistance_CountsASwapOfNeighboursAsOneEdit()
    {
        Assert.Equal(1, TypoSuggestions.Distance("simualte", "simulate"));
        Assert.Equal(0, TypoSuggestions.Distance("ask", "ask"));
        Assert.Equal(3, TypoSuggestions.Distance("", "ask"));
    }

    public void Dispose() => _folder.Dispose();
}
