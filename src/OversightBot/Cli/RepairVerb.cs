using System.CommandLine;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Cli;

/// <summary>
/// <c>repair [--db PATH]</c>: for a store that is refused as damaged. Moves the file (and its write log) aside
/// untouched, then builds a new store from every document that can still be read; never adds demo data.
/// </summary>
public static class RepairVerb
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("repair", "keep a damaged store aside, untouched, and rebuild it from what can still be read");
        command.SetAction((r, ct) => RunAsync(cli.Storage(r), cli.Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(StorageOptions storage, TextWriter output, CancellationToken ct)
    {
        StoreMaintenance.RepairResult result;
        try
        {
            result = StoreMaintenance.Repair(storage.Path, TimeProvider.System);
        }
        catch (FileNotFoundException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"{ex.Message} Nothing was changed.");
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
