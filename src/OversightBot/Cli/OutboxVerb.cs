using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OversightBot.Core.Proactive;
using OversightBot.Core.Time;
using OversightBot.Hosting;

namespace OversightBot.Cli;

/// <summary>
/// <c>outbox [--state STATE] [--json] [--retry KEY | --retry-dead] [--db PATH]</c>: lists outbox rows (default: those not
/// delivered) with counts per state; retries one row or every dead-lettered row.
/// </summary>
public static class OutboxVerb
{
    public const int MaxListed = 200;

    public static Command Create(CliContext cli)
    {
        var state = new Option<string?>("--state") { Description = "list only rows in this state", HelpName = "pending|failed|dead|..." };
        var json = CliOptions.Json("print the counts and rows as JSON");
        var retry = new Option<string?>("--retry") { Description = "put this row back to pending", HelpName = "KEY" };
        var retryDead = new Option<bool>("--retry-dead") { Description = "put every dead-lettered row back to pending" };
        var command = new Command("outbox", "inspect pending, failed and dead-lettered proactive messages; retry dead ones") { state, json, retry, retryDead };
        command.SetAction((r, ct) => RunAsync(
            new Request(ParseState(r.GetValue(state)), r.GetValue(json), r.GetValue(retry), r.GetValue(retryDead)), cli.Storage(r), cli.Console.Out, ct));
        return command;
    }

    /// <summary>What the verb was asked: a listing (optionally of one state), or a retry.</summary>
    public sealed record Request(OutboxState? State = null, bool Json = false, string? Retry = null, bool RetryDead = false);

    public static OutboxState? ParseState(string? raw) =>
        raw is null ? null
        : Enum.TryParse<OutboxState>(raw, ignoreCase: true, out var s) && !int.TryParse(raw, out _) ? s
        : throw new UsageException($"--state '{raw}' is not one of {string.Join(", ", Enum.GetNames<OutboxState>()).ToLowerInvariant()}.");

    public static async Task<int> RunAsync(Request request, StorageOptions storage, TextWriter output, CancellationToken ct)
    {
        var state = request.State;
        var clock = TimeProvider.System;
        using var runtime = await BotRuntime.OpenAsync(storage, clock, ct);
        var outbox = runtime.Store;
        if (request.Retry is { } key)
        {
            var ok = await outbox.RetryAsync(key, clock.GetUtcNow(), ct);
            await output.WriteLineAsync(ok ? $"{key}: back to pending." : $"{key}: no such row, or it was delivered or is still queued.");
            return ok ? ExitCodes.Ok : ExitCodes.Failed;
        }

        if (request.RetryDead)
        {
            await output.WriteLineAsync($"{await outbox.RetryDeadAsync(clock.GetUtcNow(), ct)} dead rows back to pending.");
            return 0;
        }

        var counts = await outbox.CountByStateAsync(ct);
        var rows = state is null
            ? (await outbox.ByStateAsync(null, 0, int.MaxValue, ct)).Where(r => r.State != OutboxState.Delivered).Take(MaxListed).ToList()
            : await outbox.ByStateAsync(state, 0, MaxListed, ct);
        if (request.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { counts, rows }, ReplyJson.Indented));
            return 0;
        }

        await output.WriteLineAsync("outbox: " + (counts.Count == 0 ? "empty" : string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}"))));
        foreach (var r in rows)
        {
            var next = TimeZoneInfo.ConvertTime(r.NextAt, London.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"{r.State.ToString().ToLowerInvariant(),-9} {next}  attempts {r.Attempts}  {r.Recipient}  {r.Key}{(r.LastError is null ? "" : "  — " + r.LastError)}");
        }

        return 0;
    }
}
