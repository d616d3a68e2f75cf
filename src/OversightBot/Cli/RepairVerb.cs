using OversightBot.Storage.LiteDb;

namespace OversightBot.Cli;

/// <summary>
/// <c>repair [--db PATH]</c>: for a store that is refused as damaged. Moves the file (and its write log) aside
/// untouched, then builds a new store from every document that can still be read; never adds demo data.
/// </summary>
public static class RepairVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> rawArgs, TextWriter output, CancellationToken ct)
    {
        var args = new CliArgs(rawArgs, []);
        args.AllowOnly("--db");
        if (args.Positional.Count > 0)
        {
            throw new UsageException("repair takes no words; name the store with --db PATH.");
        }

        var storage = CommandLine.Storage(args);
        StoreMaintenance.RepairResult result;
        try
        {
            result = StoreMaintenance.Repair(storage.Path, TimeProvider.System);
        }
        catch (FileNotFoundException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message} Nothing was changed.");
            return ExitCodes.BadInput;
        }

        await output.WriteLineAsync($"The original is kept, untouched, as {result.KeptAs}.");
        await output.WriteLineAsync("Recovered: " + (result.Recovered.Count == 0
            ? "nothing; the store is now empty (restore a backup if you have one)."
            : string.Join(", ", result.Recovered.Select(r => $"{r.Value} {r.Key}")) + "."));
        foreach (var problem in result.Problems)
        {
            await output.WriteLineAsync($"  {problem}");
        }

        return ExitCodes.Ok;
    }
}
