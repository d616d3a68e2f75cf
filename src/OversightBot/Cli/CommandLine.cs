using OversightBot.Hosting;

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
          import FILE...              draft items from letters, reports, statements (text, PDF, Word) and trackers (CSV, .xlsx, JSON)   [--kind auto|letter|governance-statement|member-letter|decision|inspection|report|csv|xlsx|json] [--dry-run] [--json]
          export                      all items with history   --format csv|json|ics [--out FILE] [--owner X]
          report                      committee papers as Word and HTML   --kind actions|rag [--committee NAME] [--as-of YYYY-MM-DD] [--out FILE.docx|.html]
          calendar-token --owner X    the per-person iCalendar feed URL   [--revoke] [--base-url URL]
          help                        this text
        Every verb accepts --db PATH (the LiteDB file; default data/oversight.db).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length == 0 || args[0].StartsWith('-') ? "serve" : args[0];
        var rest = args.Length == 0 || args[0].StartsWith('-') ? args : args[1..];
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        try
        {
            return verb switch
            {
                "serve" => await ServeVerb.RunAsync(rest, cts.Token),
                "ask" => await AskVerb.RunAsync(rest, Console.Out, cts.Token),
                "parse" => await ParseVerb.RunAsync(rest, Console.Out, cts.Token),
                "recognize" => await RecognizeVerb.RunAsync(rest, Console.In, Console.Out, cts.Token),
                "bench-language" => await BenchLanguageVerb.RunAsync(rest, Console.Out, cts.Token),
                "bench" => await BenchVerb.RunAsync(rest, Console.Out, cts.Token),
                "bench-teams" => await BenchTeamsVerb.RunAsync(rest, Console.Out, cts.Token),
                "teams-package" => await TeamsPackageVerb.RunAsync(rest, Console.Out, cts.Token),
                "simulate" => await SimulateVerb.RunAsync(rest, Console.Out, cts.Token),
                "outbox" => await OutboxVerb.RunAsync(rest, Console.Out, cts.Token),
                "import" => await ImportVerb.RunAsync(rest, Console.Out, Console.Error, cts.Token),
                "bench-proactive" => await BenchProactiveVerb.RunAsync(rest, Console.Out, cts.Token),
                "help" or "--help" or "-h" => PrintUsage(Console.Out),
                _ => throw new UsageException($"Unknown verb '{verb}'. Run 'help' to see the verbs."),
            };
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
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
