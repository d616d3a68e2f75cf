using System.CommandLine;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;
using OversightBot.Storage.Postgres;

namespace OversightBot.Cli;

/// <summary>
/// <c>migrate-store --from litedb:PATH --to postgres:CONNECTION</c>: copies everything an embedded store holds into an
/// empty PostgreSQL database, then compares the two kind by kind (counts and digests). The LiteDB file is opened as
/// its owner, so the move is refused while a host has it open; the file is never changed.
/// </summary>
public static class MigrateStoreVerb
{
    public static Command Create(CliContext cli)
    {
        var from = new Option<string>("--from") { Description = "the embedded store to move", HelpName = "litedb:PATH", Required = true };
        var to = new Option<string>("--to") { Description = "the empty PostgreSQL database to move it to", HelpName = "postgres:CONNECTION", Required = true };
        var command = new Command("migrate-store", "move an embedded (LiteDB) store into an empty PostgreSQL database and verify counts and checksums") { from, to };
        command.SetAction((r, ct) => RunAsync(r.GetValue(from)!, r.GetValue(to)!, cli.Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(string from, string to, TextWriter output, CancellationToken ct)
    {
        var path = Value(from, "litedb", "--from");
        var connection = Value(to, "postgres", "--to");
        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"--from: there is no LiteDB file at {path}.");
        }

        using var source = OpenSource(path);
        using var target = OpenTarget(connection);
        IReadOnlyList<MovedKind> kinds;
        try
        {
            kinds = await StoreMove.CopyAsync(source, target, line => output.WriteLine(line), ct);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ExitCodes.Failed, ex.Message);
        }

        await output.WriteLineAsync($"{"kind",-14} {"source",9} {"target",9}  digest");
        foreach (var k in kinds)
        {
            await output.WriteLineAsync($"{k.Kind,-14} {k.Source,9} {k.Target,9}  {(k.Same ? k.SourceDigest + " same" : $"{k.SourceDigest} ≠ {k.TargetDigest}")}");
        }

        var same = kinds.All(k => k.Same);
        await output.WriteLineAsync(same
            ? "Moved: every kind has the same count and checksum in PostgreSQL. Set Storage:Provider=postgres and Storage:ConnectionString to use it."
            : "The copy differs from the source (see above); the LiteDB file is unchanged.");
        return same ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static string Value(string raw, string scheme, string option)
    {
        var prefix = scheme + ":";
        return raw.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && raw.Length > prefix.Length
            ? raw[prefix.Length..]
            : throw new UsageException($"{option} must be {prefix}{(scheme == "litedb" ? "PATH" : "CONNECTION")}, e.g. {(scheme == "litedb" ? "litedb:data/oversight.db" : "postgres:Host=localhost;Database=oversightbot;Username=bot")}.");
    }

    /// <summary>Opened as its owner: a host (or any verb) holding the file makes this throw <see cref="StoreInUseException"/> (exit code 3).</summary>
    private static LiteDbStore OpenSource(string path) => new(path);

    private static PostgresStore OpenTarget(string connection)
    {
        try
        {
            return new PostgresStore(connection);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new CliException(ExitCodes.Config, $"--to: cannot open the PostgreSQL database: {ex.Message}");
        }
    }
}
