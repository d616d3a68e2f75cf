using System.CommandLine;

namespace OversightBot.Cli;

/// <summary>
/// The command line on System.CommandLine: one file per verb, each registered by one line in <see cref="Verbs"/>.
/// No verb (or options only) means <c>serve</c>. Exit codes: <see cref="ExitCodes"/>.
/// </summary>
public static class CommandLine
{
    /// <summary>Every verb of the product binary, in the order the help lists them. Add a verb here: one line.</summary>
    public static readonly IReadOnlyList<Func<CliContext, Command>> Verbs =
    [
        ServeVerb.Create,
        AskVerb.Create,
        ParseVerb.Create,
        RecognizeVerb.Create,
        SimulateVerb.Create,
        OutboxVerb.Create,
        MigrateStoreVerb.Create,
        TeamsPackageVerb.Create,
        ImportVerb.Create,
        ExportVerb.Create,
        ReportVerb.Create,
    ];

    public const string Description =
        "OversightBot — oversight deadlines in Teams, the terminal and a built-in web chat. Without a verb it runs 'serve'.";

    /// <summary>The process entry point: the real console, Ctrl+C and SIGTERM cancel the verb.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliConsole.System, handleSignals: true, CancellationToken.None);

    /// <summary>Parses and runs <paramref name="args"/> against <paramref name="console"/>; returns the exit code.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken ct) =>
        RunAsync(args, console, handleSignals: false, ct);

    /// <summary>The root command with every verb of <see cref="Verbs"/> and a <c>help [VERB]</c> verb.</summary>
    public static RootCommand Build(CliContext cli) => CliRoot.Build(cli, Description, Verbs);

    private static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, bool handleSignals, CancellationToken ct)
    {
        var cli = new CliContext(console);
        var root = Build(cli);
        return await CliRoot.InvokeAsync(root, cli, CliRoot.DefaultVerb(args, "serve"), handleSignals, ct);
    }
}
