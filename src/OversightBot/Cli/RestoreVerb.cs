using System.CommandLine;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Cli;

/// <summary>
/// <c>restore FILE [--db PATH]</c>: replaces the store with a backup. Refused while any process owns the store; the
/// backup is checked first (a damaged or incomplete one changes nothing), and the replaced file is kept beside it.
/// </summary>
public static class RestoreVerb
{
    public static Command Create(CliContext cli)
    {
        var backup = new Argument<string>("backup") { Description = "the backup file to put in the store's place" };
        var command = new Command("restore", "replace the store with a checked backup (the host must be stopped; the replaced file is kept)") { backup };
        command.SetAction((r, ct) => RunAsync(r.GetValue(backup)!, cli.Storage(r), cli.Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(string backup, StorageOptions storage, TextWriter output, CancellationToken ct)
    {
        StoreMaintenance.RestoreResult result;
        try
        {
            result = StoreMaintenance.Restore(storage.Path, backup, TimeProvider.System);
        }
        catch (FileNotFoundException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"{ex.Message} Nothing was changed.");
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"{ex.Message} Nothing was changed.");
        }
        catch (StoreRefusedException ex) when (!string.Equals(ex.Path, Path.GetFullPath(storage.Path), StringComparison.Ordinal))
        {
            throw new CliException(ExitCodes.BadInput, $"the backup is refused: {ex.Message}");
        }

        await output.WriteLineAsync($"Restored {Path.GetFullPath(storage.Path)} from {Path.GetFullPath(backup)} (schema {result.Backup.SchemaVersion}, " +
                                    $"{result.Backup.Documents.GetValueOrDefault("items")} items).");
        await output.WriteLineAsync(result.KeptAs is null ? "There was no store before." : $"The replaced store is kept as {result.KeptAs}.");
        return ExitCodes.Ok;
    }
}
