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

    public static async Task<int> RunAsync(IReadOnlyList<string> rawArgs, TextWriter output, CancellationToken ct)
    {
        var args = new CliArgs(rawArgs, ["--json", "--retry-dead"]);
        args.AllowOnly("--state", "--json", "--retry", "--retry-dead", "--db");
        OutboxState? state = null;
        if (args.Get("--state") is { } raw)
        {
            state = Enum.TryParse<OutboxState>(raw, ignoreCase: true, out var s) && !int.TryParse(raw, out _)
                ? s
                : throw new UsageException($"--state '{raw}' is not one of {string.Join(", ", Enum.GetNames<OutboxState>()).ToLowerInvariant()}.");
        }

        var clock = TimeProvider.System;
        using var runtime = await BotRuntime.OpenAsync(CommandLine.Storage(args), clock, ct);
        var outbox = runtime.Store;
        if (args.Get("--retry") is { } key)
        {
            var ok = await outbox.RetryAsync(key, clock.GetUtcNow(), ct);
            await output.WriteLineAsync(ok ? $"{key}: back to pending." : $"{key}: no such row, or it was delivered or is still queued.");
            return ok ? 0 : 1;
        }

        if (args.Has("--retry-dead"))
        {
            await output.WriteLineAsync($"{await outbox.RetryDeadAsync(clock.GetUtcNow(), ct)} dead rows back to pending.");
            return 0;
        }

        var counts = await outbox.CountByStateAsync(ct);
        var rows = state is null
            ? (await outbox.ByStateAsync(null, 0, int.MaxValue, ct)).Where(r => r.State != OutboxState.Delivered).Take(MaxListed).ToList()
            : await outbox.ByStateAsync(state, 0, MaxListed, ct);
        if (args.Has("--json"))
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
