using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace OversightBot.Cli;

/// <summary>
/// The shared machinery of a command line (the product's and the benchmarks'): the root with its verbs, parse errors
/// as <c>error: …</c> lines with typo suggestions and exit code 2, failures of a verb as one line and its exit code.
/// </summary>
public static class CliRoot
{
    private static readonly string[] HelpTokens = ["--help", "-h", "-?", "--version"];

    public static RootCommand Build(CliContext cli, string description, IEnumerable<Func<CliContext, Command>> verbs, bool withDb = true)
    {
        var root = new RootCommand(description);
        if (withDb)
        {
            root.Options.Add(cli.Db);
        }

        foreach (var create in verbs)
        {
            root.Subcommands.Add(create(cli));
        }

        root.Subcommands.Add(HelpVerb(root, cli));
        return root;
    }

    /// <summary>No verb, or options only, means <paramref name="verb"/>; <c>--help</c> alone stays the root's help.</summary>
    public static IReadOnlyList<string> DefaultVerb(IReadOnlyList<string> args, string verb) =>
        args.Count == 0 || (args[0].StartsWith('-') && !HelpTokens.Contains(args[0], StringComparer.Ordinal))
            ? [verb, .. args]
            : args;

    public static async Task<int> InvokeAsync(RootCommand root, CliContext cli, IReadOnlyList<string> args, bool handleSignals, CancellationToken ct)
    {
        // Response files (@file) are off: a question may start with '@'.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
        {
            return ReportParseErrors(result, cli.Console.Error);
        }

        var config = new InvocationConfiguration
        {
            Output = cli.Console.Out,
            Error = cli.Console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = handleSignals ? TimeSpan.FromSeconds(5) : null,
        };
        try
        {
            return await result.InvokeAsync(config, ct);
        }
        catch (UsageException ex)
        {
            await cli.Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (CliException ex)
        {
            await cli.Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || handleSignals)
        {
            await cli.Console.Error.WriteLineAsync("stopped.");
            return ExitCodes.Interrupted;
        }
    }

    private static int ReportParseErrors(ParseResult result, TextWriter error)
    {
        if (result.CommandResult.Command is RootCommand root && result.UnmatchedTokens.Count > 0)
        {
            var verb = result.UnmatchedTokens[0];
            var guess = TypoSuggestions.Rank(verb, root.Subcommands.Select(c => c.Name)).Select(s => $"'{s}'").ToList();
            error.WriteLine($"error: unknown verb '{verb}'." + (guess.Count > 0 ? $" Did you mean {string.Join(" or ", guess)}?" : ""));
            error.WriteLine("Run '--help' for the verbs.");
            return ExitCodes.Usage;
        }

        foreach (var e in result.Errors)
        {
            error.WriteLine($"error: {e.Message}");
        }

        foreach (var token in result.UnmatchedTokens)
        {
            var suggestions = TypoSuggestions.For(token, result.CommandResult.Command).ToList();
            if (suggestions.Count > 0)
            {
                error.WriteLine($"'{token}' is not known here. Did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?");
            }
        }

        var name = result.CommandResult.Command is RootCommand ? "" : result.CommandResult.Command.Name + " ";
        error.WriteLine($"Run '{name}--help' for the usage.");
        return ExitCodes.Usage;
    }

    private static Command HelpVerb(RootCommand root, CliContext cli)
    {
        var verb = new Argument<string?>("verb") { Description = "the verb to explain", Arity = ArgumentArity.ZeroOrOne };
        var help = new Command("help", "show the verbs, or one verb's options") { verb };
        help.SetAction((result, ct) =>
        {
            var name = result.GetValue(verb);
            if (name is not null && !root.Subcommands.Any(c => c.Name == name))
            {
                var suggestions = TypoSuggestions.Rank(name, root.Subcommands.Select(c => c.Name)).ToList();
                throw new UsageException($"Unknown verb '{name}'." + (suggestions.Count > 0 ? $" Did you mean '{suggestions[0]}'?" : ""));
            }

            var args = name is null ? new[] { "--help" } : [name, "--help"];
            return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = cli.Console.Out, Error = cli.Console.Error }, ct);
        });
        return help;
    }
}
