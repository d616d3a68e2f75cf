using System.Diagnostics;
using System.Net.Http.Json;
using OversightBot.Core.Domain;
using OversightBot.Core.Proactive;
using OversightBot.Core.Time;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;
using Xunit.Abstractions;

namespace OversightBot.Tests;

/// <summary>
/// Starts the real host, lets it begin a digest fan-out through the web chat inbox (slowed down by the documented
/// development setting), kills it with SIGKILL mid-way, restarts it and counts deliveries per recipient.
/// </summary>
public sealed class ProactiveCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Recipients = 40;
    /// <summary>Sends the dispatcher runs at once: each may be sent and not yet recorded when the process is killed.</summary>
    private const int InFlight = 2;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task DigestFanOut_KilledMidway_EveryRecipientGetsItsDigest_DuplicatesReported()
    {
        var ct = CancellationToken.None;
        var db = _folder.File("crash.db");
        var emails = await SeedSubscribersAsync(db, ct);
        var env = new Dictionary<string, string>
        {
            ["Proactive__TickInterval"] = "00:00:00.200",
            ["Proactive__DevInboxDelayMs"] = "150",
            ["Proactive__MaxConcurrency"] = InFlight.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Proactive__WindowStart"] = "00:00",
            ["Proactive__WindowEnd"] = "23:59:59.9999999",
            ["Proactive__WorkingDaysOnly"] = "false",
            ["Storage__SeedDemoData"] = "false",
        };

        int beforeKill;
        var lags = new List<double>();
        using (var first = await HostProcess.StartAsync(db, env, ct))
        {
            beforeKill = await WaitForDeliveriesAsync(first, emails, Recipients / 3, TimeSpan.FromSeconds(60), ct);
            first.Kill();
            lags.AddRange(RecordLags(first));
        }

        using (var second = await HostProcess.StartAsync(db, env, ct))
        {
            await WaitForDeliveriesAsync(second, emails, Recipients, TimeSpan.FromSeconds(60), ct);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            second.Kill();
            lags.AddRange(RecordLags(second));
        }

        using var store = new LiteDbStore(db);
        var counts = await store.DeliveryCountsAsync(ct);
        var missing = emails.Where(e => !counts.Keys.Any(k => k.StartsWith($"digest:{e}:", StringComparison.Ordinal))).ToList();
        var duplicates = counts.Where(c => c.Value > 1).ToList();
        var states = await store.CountByStateAsync(ct);
        output.WriteLine($"{beforeKill} of {Recipients} digests delivered before SIGKILL; after restart {counts.Count} keys delivered, " +
                         $"{duplicates.Count} duplicated ({string.Join(", ", duplicates.Select(d => $"{d.Key}×{d.Value}"))}); outbox {string.Join(", ", states)}; " +
                         $"send→record window max {(lags.Count == 0 ? "n/a" : lags.Max().ToString("F2", System.Globalization.CultureInfo.InvariantCulture))} ms over {lags.Count} dispatch logs");
        Assert.Empty(missing);
        Assert.Equal(Recipients, counts.Count);
        Assert.Equal(Recipients, states.GetValueOrDefault(OutboxState.Delivered));
        Assert.True(duplicates.Count <= InFlight, $"at most the {InFlight} messages in flight at the kill may be duplicated");
    }

    private static async Task<List<string>> SeedSubscribersAsync(string db, CancellationToken ct)
    {
        var today = London.Today(TimeProvider.System);
        using var store = new LiteDbStore(db);
        var emails = new List<string>();
        for (var i = 0; i < Recipients; i++)
        {
            var person = new Person
            {
                Email = $"subscriber{i:00}@example.org",
                Name = $"Subscriber {i}",
                Role = Role.Manager,
                Preferences = { Digest = new DigestSubscription { Day = today.DayOfWeek, At = new TimeOnly(0, 0) } },
            };
            await store.UpsertPersonAsync(person, ct);
            emails.Add(person.Email);
        }

        await store.UpsertAsync(Some.Item("R-1", due: today.AddDays(30)), ct);
        return emails;
    }

    /// <summary>Polls each recipient's notifications until at least <paramref name="target"/> have one.</summary>
    private static async Task<int> WaitForDeliveriesAsync(HostProcess host, List<string> emails, int target, TimeSpan timeout, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        while (true)
        {
            var delivered = 0;
            foreach (var e in emails)
            {
                var list = await host.Http.GetFromJsonAsync<List<NotificationDto>>($"/api/notifications?as={e}", ct);
                delivered += list is { Count: > 0 } ? 1 : 0;
            }

            if (delivered >= target)
            {
                return delivered;
            }

            if (sw.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {delivered} of {target} recipients had their digest after {timeout}.");
            }

            await Task.Delay(50, ct);
        }
    }

    private static IEnumerable<double> RecordLags(HostProcess host) =>
        host.Output.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"record lag max ([0-9.]+) ms"))
            .Where(m => m.Success).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private sealed record NotificationDto(string Key);

    public void Dispose() => _folder.Dispose();
}
