using System.CommandLine;
using OversightBot.Hosting;

namespace OversightBot.Cli;

/// <summary>
/// <c>backup --out FILE [--db PATH]</c>: a consistent copy of the store, checked before it takes its name. While a host
/// owns the store the copy is made by the host (checkpoint, then copy with the write log folded in); never overwrites.
/// </summary>
public static class BackupVerb
{
    public static Command Create(CliContext cli)
    {
        var output = new Option<string>("--out") { Description = "the file to write (must not exist yet)", HelpName = "FILE", Required = true };
        var command = new Command("backup", "write a consistent copy of the store (through the running host when there is one)") { output };
        command.SetAction((r, ct) => RunAsync(r.GetValue(output)!, cli.Storage(r), cli.Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(string target, StorageOptions storage, TextWriter output, CancellationToken ct)
    {
        var full = string.IsNullOrWhiteSpace(target) ? throw new UsageException("--out needs a file path.") : Path.GetFullPath(target);
        if (File.Exists(full))
        {
            throw new CliException(ExitCodes.BadInput, $"{full} already exists; a backup never replaces a file. Choose a new name.");
        }

        using var runtime = await BotRuntime.OpenAsync(storage, TimeProvider.System, ct);
        var store = runtime.FileStore ?? throw new CliException(ExitCodes.Config, "backup copies the embedded LiteDB store only.");
        var report = store.BackupTo(full);
        await output.WriteLineAsync($"Backed up {store.Files.Data} to {full}: schema {report.SchemaVersion}, " +
                                    string.Join(", ", report.Documents.Where(d => d.Key is "items" or "boards" or "people" or "outbox").Select(d => $"{d.Value} {d.Key}")) + ".");
        return ExitCodes.Ok;
    }
}
