using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Cli;

/// <summary>Dispatches the first argument to a verb. No verb (or options only) means "serve".</summary>
public static class CommandLine
{
    public const string Usage = """
        OversightBot — oversight deadlines in Teams, Slack, the terminal and a built-in web chat.

        Usage: OversightBot [verb] [options]
          serve                       run the web host (default): web chat on http://localhost:5080, /api/messages, /health
          ask "QUESTION"              answer one question   [--as-of YYYY-MM-DD] [--as EMAIL] [--json]
          parse "TEXT"                 show the intent, date range and entities   [--as-of YYYY-MM-DD] [--json]
          recognize --jsonl           date corpus lines on stdin -> scorer predictions on stdout   [--conventions auto|british|spec]
          bench-language              utterances/second of the recognizers   [--corpus DIR] [--seconds N]
          bench                       measure query latency and cold start   [--items N] [--runs N]
          bench-teams                 Teams /api/messages throughput, p50/p99   [--requests N] [--concurrency N] [--warmup S] [--no-cache] [--js]
          teams-package --app-id GUID   build the Teams app zip to upload   [--bot-id GUID] [--version X.Y.Z] [--out app.zip]
          simulate                    print every proactive message the policy would send   --from YYYY-MM-DD --to YYYY-MM-DD [--json]
          outbox                      inspect the outbox; retry dead-lettered messages   [--state pending|failed|dead] [--json] [--retry KEY | --retry-dead]
          bench-proactive             measure planning over many items and a rate-limited fan-out   [--items N] [--nudges N]
          backup --out FILE           a consistent copy of the store (through the running host when there is one)
          restore FILE                replace the store with a checked backup (the host must be stopped; the old file is kept)
          repair                      keep the damaged store aside and rebuild it from what can still be read
          help                        this text
        Every verb accepts --db PATH (the LiteDB file; default data/oversight.db).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        var verb = args.Length == 0 || args[0].StartsWith('-') ? "serve" : args[0];
        StoreAccess.Verb = verb;
        return await RunAsync(args, Console.Out, Console.Error, cts.Token);
    }

    /// <summary>Runs one verb against the given writers (the console, or the host running a verb for a CLI process).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var verb = args.Count == 0 || args[0].StartsWith('-') ? "serve" : args[0];
        var rest = args.Count == 0 || args[0].StartsWith('-') ? args : args.Skip(1).ToList();
        try
        {
            return await HostForwarder.RunAsync([verb, .. rest], LockWait(rest), () => RunVerbAsync(verb, rest, output, ct), output, error, ct);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (StoreInUseException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message} {StoreMessages.InUse(verb)}");
            return ExitCodes.StoreBusy;
        }
        catch (StoreRefusedException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            await error.WriteLineAsync(StoreMessages.Recovery(ex));
            return ExitCodes.StoreDamaged;
        }
    }

    private static async Task<int> RunVerbAsync(string verb, IReadOnlyList<string> rest, TextWriter output, CancellationToken ct) => verb switch
    {
        "serve" => await ServeVerb.RunAsync(rest, ct),
        "ask" => await AskVerb.RunAsync(rest, output, ct),
        "parse" => await ParseVerb.RunAsync(rest, output, ct),
        "recognize" => await RecognizeVerb.RunAsync(rest, Console.In, output, ct),
        "bench-language" => await BenchLanguageVerb.RunAsync(rest, output, ct),
        "bench" => await BenchVerb.RunAsync(rest, output, ct),
        "bench-teams" => await BenchTeamsVerb.RunAsync(rest, output, ct),
        "teams-package" => await TeamsPackageVerb.RunAsync(rest, output, ct),
        "simulate" => await SimulateVerb.RunAsync(rest, output, ct),
        "outbox" => await OutboxVerb.RunAsync(rest, output, ct),
        "bench-proactive" => await BenchProactiveVerb.RunAsync(rest, output, ct),
        "backup" => await BackupVerb.RunAsync(rest, output, ct),
        "restore" => await RestoreVerb.RunAsync(rest, output, ct),
        "repair" => await RepairVerb.RunAsync(rest, output, ct),
        "help" or "--help" or "-h" => PrintUsage(output),
        _ => throw new UsageException($"Unknown verb '{verb}'. Run 'help' to see the verbs."),
    };

    private static TimeSpan LockWait(IReadOnlyList<string> rest)
    {
        try
        {
            return Storage(new CliArgs(rest, [])).LockTimeout;
        }
        catch (UsageException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The storage settings for a verb: configuration files and environment, then --db.</summary>
    public static StorageOptions Storage(CliArgs args)
    {
        var options = AppConfiguration.Build([]).GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (args.Get("--db") is { } db)
        {
            options.Path = db;
        }
        else if (args.Has("--db"))
        {
            throw new UsageException("--db needs a file path.");
        }

        if (!string.Equals(options.Provider, "litedb", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"Storage:Provider '{options.Provider}' is not supported; the embedded store is 'litedb'.");
        }

        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new UsageException("Storage:Path is empty; set it to the LiteDB file, e.g. data/oversight.db.");
        }

        return options;
    }

    private static int PrintUsage(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }
}
