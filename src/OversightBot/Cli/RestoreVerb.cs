using OversightBot.Storage.LiteDb;

namespace OversightBot.Cli;

/// <summary>
/// <c>restore FILE [--db PATH]</c>: replaces the store with a backup. Refused while any process owns the store; the
/// backup is checked first (a damaged or incomplete one changes nothing), and the replaced file is kept beside it.
/// </summary>
public static class RestoreVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> rawArgs, TextWriter output, CancellationToken ct)
    {
        var args = new CliArgs(rawArgs, []);
        args.AllowOnly("--db");
        if (args.Positional.Count != 1)
        {
            throw new UsageException("restore needs the backup file, e.g. restore backups/oversight-20260101-020000.db.");
        }

        var storage = CommandLine.Storage(args);
        StoreMaintenance.RestoreResult result;
        try
        {
            result = StoreMaintenance.Restore(storage.Path, args.Positional[0], TimeProvider.System);
        }
        catch (FileNotFoundException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message} Nothing was changed.");
            return ExitCodes.BadInput;
        }
        catch (StoreRefusedException ex) when (!string.Equals(ex.Path, Path.GetFullPath(storage.Path), StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"error: the backup is refused: {ex.Message}");
            return ExitCodes.BadInput;
        }

        await output.WriteLineAsync($"Restored {Path.GetFullPath(storage.Path)} from {Path.GetFullPath(args.Positional[0])} (schema {result.Backup.SchemaVersion}, " +
                                    $"{result.Backup.Documents.GetValueOrDefault("items")} items).");
        await output.WriteLineAsync(result.KeptAs is null ? "There was no store before." : $"The replaced store is kept as {result.KeptAs}.");
        return ExitCodes.Ok;
    }
}
