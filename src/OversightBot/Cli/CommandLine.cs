using System.CommandLine;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;

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
        TeamsPackageVerb.Create,
        ImportVerb.Create,
        ExportVerb.Create,
        ReportVerb.Create,
        BackupVerb.Create,
        RestoreVerb.Create,
        RepairVerb.Create,
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

    /// <remarks>
    /// A verb that finds its store owned by a running host is sent to that host (<see cref="HostForwarder"/>); a store
    /// in use that cannot be reached, or a damaged one, ends with one clear message and its exit code.
    /// </remarks>
    private static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, bool handleSignals, CancellationToken ct)
    {
        var full = CliRoot.DefaultVerb(args, "serve");
        var verb = full.Count > 0 ? full[0] : "serve";
        if (StoreAccess.Host is null)
        {
            StoreAccess.Verb = verb;
        }

        try
        {
            return await HostForwarder.RunAsync(
                full, LockWait(full), () => InvokeAsync(full, console, handleSignals, ct), console.Out, console.Error, ct);
        }
        catch (StoreInUseException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message} {StoreMessages.InUse(verb)}");
            return ExitCodes.StoreBusy;
        }
        catch (StoreRefusedException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}");
            await console.Error.WriteLineAsync(StoreMessages.Recovery(ex));
            return ExitCodes.StoreDamaged;
        }
    }

    private static Task<int> InvokeAsync(IReadOnlyList<string> args, CliConsole console, bool handleSignals, CancellationToken ct)
    {
        var cli = new CliContext(console);
        return CliRoot.InvokeAsync(Build(cli), cli, args, handleSignals, ct);
    }

    /// <summary>How long a verb keeps trying to reach a host that is (re)starting: <c>Storage:LockTimeout</c> of its store.</summary>
    private static TimeSpan LockWait(IReadOnlyList<string> args)
    {
        var at = args.ToList().FindIndex(a => a == "--db" || a.StartsWith("--db=", StringComparison.Ordinal));
        var db = at < 0 ? null : args[at] == "--db" ? (at + 1 < args.Count ? args[at + 1] : null) : args[at][5..];
        try
        {
            return CliContext.Storage(db).LockTimeout;
        }
        catch (Exception ex) when (ex is UsageException or CliException)
        {
            return TimeSpan.Zero;
        }
    }
}
