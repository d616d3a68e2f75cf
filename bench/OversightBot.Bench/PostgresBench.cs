using System.CommandLine;
using System.Diagnostics;
using Npgsql;
using OversightBot.Cli;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Core.Replies;
using OversightBot.Storage.Postgres;

namespace OversightBot.Bench;

/// <summary>
/// <c>postgres --connection CONN [--rows N]</c>: outbox claim throughput on PostgreSQL with one and with three
/// instances (each its own store and pool), each claim recorded as delivered; reports rows per second and duplicates.
/// Works in a new schema of the given database, dropped afterwards.
/// </summary>
public static class PostgresBench
{
    public static Command Create(CliContext cli)
    {
        var connection = new Option<string>("--connection") { Description = "a PostgreSQL database to measure in (a schema is created and dropped)", Required = true };
        var rows = new Option<int>("--rows") { Description = "outbox rows per run", DefaultValueFactory = _ => 20_000 };
        var command = new Command("postgres", "outbox claim throughput on PostgreSQL with one and three instances") { connection, rows };
        command.SetAction((r, ct) => RunAsync(r.GetValue(connection)!, r.GetValue(rows), cli.Console.Out, ct));
        return command;
    }

    private static async Task<int> RunAsync(string connection, int rows, TextWriter output, CancellationToken ct)
    {
        var schema = $"bench_{Guid.NewGuid():N}"[..20];
        await ExecAsync(connection, $"CREATE SCHEMA {schema}", ct);
        try
        {
            var scoped = new NpgsqlConnectionStringBuilder(connection) { SearchPath = schema }.ConnectionString;
            foreach (var instances in new[] { 1, 3 })
            {
                var (seconds, claimed, distinct) = await MeasureAsync(scoped, instances, rows, $"i{instances}", ct);
                await output.WriteLineAsync(
                    $"claims, {instances} instance(s): {claimed:N0} rows claimed and recorded in {seconds:F2} s = {claimed / seconds:N0} rows/s; duplicates: {claimed - distinct}");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(connection, $"DROP SCHEMA {schema} CASCADE", ct);
        }

        return ExitCodes.Ok;
    }

    private static async Task<(double Seconds, int Claimed, int Distinct)> MeasureAsync(string connection, int instances, int rows, string prefix, CancellationToken ct)
    {
        var now = new DateTimeOffset(2023, 2, 6, 9, 0, 0, TimeSpan.Zero);
        var message = new Reply { Intent = "nudge", Text = "Due soon", Heading = "Due soon" };
        var stores = Enumerable.Range(0, instances).Select(_ => new PostgresStore(connection)).ToList();
        foreach (var chunk in Enumerable.Range(0, rows).Chunk(2000))
        {
            await stores[0].AddManyIfAbsentAsync(chunk.Select(i => OutboxRow.New($"{prefix}:{i}", "nudge", $"p{i % 500}@example.org", now, message, now)).ToList(), ct);
        }

        var watch = Stopwatch.StartNew();
        var claimed = await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            var keys = new List<string>();
            while (await store.ClaimDueAsync(now, TimeSpan.FromMinutes(5), 500, ct) is { Count: > 0 } batch)
            {
                keys.AddRange(batch.Select(r => r.Key));
                await store.RecordManyAsync(batch.Select(r => new OutboxOutcome(r.Key, SendOutcome.Delivered, "msteams")).ToList(), now, OutboxRetryPolicy.Default, ct);
            }

            return keys;
        }, ct)));
        watch.Stop();
        stores.ForEach(s => s.Dispose());
        var all = claimed.SelectMany(k => k).ToList();
        return (watch.Elapsed.TotalSeconds, all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task ExecAsync(string connection, string sql, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
