using System.CommandLine;
using OversightBot.Cli;

namespace OversightBot.Bench;

/// <summary>
/// The benchmark program's verbs, on the same command-line machinery as the product: <c>--help</c> on each, typo
/// suggestions, exit code 2 for a bad command line. Add a benchmark here: one line.
/// </summary>
public static class BenchCommandLine
{
    public static readonly IReadOnlyList<Func<CliContext, Command>> Verbs =
    [
        QueriesBench.Create,
        LanguageBench.Create,
        TeamsBench.Create,
        ProactiveBench.Create,
        ModelBench.Create,
        PostgresBench.Create,
    ];

    public const string Description =
        "OversightBot benchmarks: each measures one path and prints its figures (run a Release build on a quiet machine).";

    public static async Task<int> RunAsync(string[] args)
    {
        var cli = new CliContext(CliConsole.System);
        var root = CliRoot.Build(cli, Description, Verbs, withDb: false);
        return await CliRoot.InvokeAsync(root, cli, args.Length == 0 ? ["--help"] : args, handleSignals: true, CancellationToken.None);
    }
}
