using OversightBot.Hosting;

namespace OversightBot.Cli;

/// <summary>
/// <c>backup --out FILE [--db PATH]</c>: a consistent copy of the store, checked before it takes its name. While a host
/// owns the store the copy is made by the host (checkpoint, then copy with the write log folded in); never overwrites.
/// </summary>
public static class BackupVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> rawArgs, TextWriter output, CancellationToken ct)
    {
        var args = new CliArgs(rawArgs, []);
        args.AllowOnly("--out", "--db");
        var target = args.Get("--out") is { Length: > 0 } o ? Path.GetFullPath(o) : throw new UsageException("backup needs --out FILE, e.g. backup --out backups/oversight-today.db.");
        if (File.Exists(target))
        {
            throw new UsageException($"{target} already exists; a backup never replaces a file. Choose a new name.");
        }

        using var runtime = await BotRuntime.OpenAsync(CommandLine.Storage(args), TimeProvider.System, ct);
        var report = runtime.Store.BackupTo(target);
        await output.WriteLineAsync($"Backed up {runtime.Store.Files.Data} to {target}: schema {report.SchemaVersion}, " +
                                    string.Join(", ", report.Documents.Where(d => d.Key is "items" or "boards" or "people" or "outbox").Select(d => $"{d.Value} {d.Key}")) + ".");
        return ExitCodes.Ok;
    }
}
