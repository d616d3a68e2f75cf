using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OversightBot.Core.Proactive;
using OversightBot.Core.Time;
using OversightBot.Hosting;

namespace OversightBot.Cli;

/// <summary>
/// <c>simulate --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--db PATH]</c>: runs the planners day by day over the
/// store on a simulated clock, into an in-memory outbox (the real outbox is not touched), and prints every message
/// that would be sent: London time, recipient, key and text.
/// </summary>
public static class SimulateVerb
{
    public const int MaxDays = 3_660;

    public sealed record Simulated(DateTimeOffset At, string Recipient, string Key, string Kind, string Heading, string Text);

    public static Command Create(CliContext cli)
    {
        var from = CliOptions.Date("--from", "the first day (Europe/London)");
        var to = CliOptions.Date("--to", "the last day, at most 3,660 days after --from");
        var json = CliOptions.Json("print the messages as a JSON array");
        var command = new Command("simulate", "print every proactive message the policy would send, day by day, without sending") { from, to, json };
        command.SetAction((r, ct) => RunAsync(r.GetValue(from), r.GetValue(to), r.GetValue(json), cli.Storage(r), cli.Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(DateOnly? fromDay, DateOnly? toDay, bool json, StorageOptions storage, TextWriter output, CancellationToken ct)
    {
        var from = fromDay ?? throw new UsageException("simulate needs --from YYYY-MM-DD.");
        var to = toDay ?? throw new UsageException("simulate needs --to YYYY-MM-DD.");
        if (to < from || to.DayNumber - from.DayNumber > MaxDays)
        {
            throw new UsageException($"--to must be on or after --from and at most {MaxDays} days later.");
        }

        var policy = AppConfiguration.Build([]).GetSection(ProactiveOptions.Section).Get<ProactiveOptions>()?.ToPolicy() ?? new ReminderPolicy();
        using var runtime = await BotRuntime.OpenAsync(storage, TimeProvider.System, ct);
        var unreached = new SortedSet<string>(StringComparer.Ordinal);
        var messages = await SimulateAsync(runtime, policy, from, to, ct, unreached);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(messages, ReplyJson.Indented));
            return 0;
        }

        foreach (var m in messages)
        {
            var local = TimeZoneInfo.ConvertTime(m.At, London.Zone);
            await output.WriteLineAsync($"{local.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {m.Recipient}  {m.Key}");
            await output.WriteLineAsync($"    {m.Heading}");
        }

        await output.WriteLineAsync($"{messages.Count} messages from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (Europe/London times).");
        if (unreached.Count > 0)
        {
            await output.WriteLineAsync($"Nobody to nudge for {unreached.Count} item(s) whose owner matches no person or team member: {string.Join(", ", unreached)}.");
        }

        return 0;
    }

    /// <summary>Every message the planners would send from <paramref name="from"/> to <paramref name="to"/>; items nobody could be nudged for go to <paramref name="unreached"/>.</summary>
    public static async Task<IReadOnlyList<Simulated>> SimulateAsync(
        BotRuntime runtime, ReminderPolicy policy, DateOnly from, DateOnly to, CancellationToken ct, ISet<string>? unreached = null)
    {
        var outbox = new InMemoryOutboxStore();
        var planner = ProactiveComposition.CreatePlanner(runtime, outbox, policy);
        var all = new List<Simulated>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!policy.IsSendDay(day))
            {
                continue;
            }

            var rows = await planner.PlanAsync(London.At(day, TimeOnly.MinValue), day, ct);
            unreached?.UnionWith(planner.LastPlan?.Unreached ?? []);
            await outbox.AddManyIfAbsentAsync(rows, ct);
            all.AddRange(rows.OrderBy(r => r.DueAt).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new Simulated(r.DueAt, r.Recipient, r.Key, r.Kind, r.Message.Heading ?? r.Message.Text, r.Message.Text)));
        }

        return all;
    }
}
