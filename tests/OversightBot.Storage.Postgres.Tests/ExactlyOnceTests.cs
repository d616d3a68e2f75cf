using System.Collections.Concurrent;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Core.Replies;
using OversightBot.Testing;

namespace OversightBot.Storage.Postgres.Tests;

/// <summary>
/// Three dispatchers (as three instances run them), each with its own store on one database, fan out 2,000 nudges to
/// one fake platform; one instance dies mid-fan-out (its sends hang and nothing it claimed is ever recorded, as after
/// SIGKILL) and a fresh one starts in its place. These are in-process instances sharing nothing but the database.
/// </summary>
public sealed class ExactlyOnceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int People = 200;
    private const int PerPerson = 10;

    [Fact]
    public async Task ThreeInstances_OneKilledMidFanOut_EveryRecipientGetsEachMessageExactlyOnce()
    {
        var connection = database.NewStore();
        var platform = new FakePlatform();
        using var setup = new PostgresStore(connection);
        await SeedAsync(setup);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var kill = new CancellationTokenSource();

        var doomed = new PostgresStore(connection);
        var dying = Dispatch(doomed, new DyingSender(platform, after: 60, kill.Token)).DispatchAsync(kill.Token);
        await platform.WaitForAsync(60, stop.Token);
        var restarted = new PostgresStore(connection);
        var survivors = new[] { new PostgresStore(connection), new PostgresStore(connection), restarted };

        try
        {
            await Task.WhenAll(survivors.Select(s => RunUntilAllSentAsync(Dispatch(s, new PlatformSender(platform)), platform, stop.Token)));
        }
        catch (OperationCanceledException)
        {
            var counts = await setup.CountByStateAsync(CancellationToken.None);
            Assert.Fail($"received {platform.Received.Count}; " + string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
        }
        await kill.CancelAsync();
        await Task.WhenAny(dying, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Equal(People * PerPerson, platform.Received.Count);
        Assert.All(platform.Received, r => Assert.Equal(1, r.Value));
        Assert.Equal(People * PerPerson, (await setup.CountByStateAsync(CancellationToken.None)).GetValueOrDefault(OutboxState.Delivered));
        doomed.Dispose();
        Array.ForEach(survivors, s => s.Dispose());
    }

    private static async Task SeedAsync(PostgresStore store)
    {
        var now = TimeProvider.System.GetUtcNow();
        for (var p = 0; p < People; p++)
        {
            await store.UpsertPersonAsync(Some.Person($"person{p}@example.org"), CancellationToken.None);
        }

        var message = new Reply { Intent = "nudge", Text = "Due soon", Heading = "Due soon" };
        var rows = Enumerable.Range(0, People * PerPerson)
            .Select(i => OutboxRow.New($"nudge:{i % People}:{i / People}", "nudge", $"person{i % People}@example.org", now.AddMinutes(-1), message, now))
            .ToList();
        Assert.Equal(rows.Count, await store.AddManyIfAbsentAsync(rows, CancellationToken.None));
    }

    private static Dispatcher Dispatch(PostgresStore store, IMessageSender sender) => new(
        store, store, store, [sender], new ReminderPolicy { WindowStart = TimeOnly.MinValue, WindowEnd = TimeOnly.MaxValue, WorkingDaysOnly = false },
        new DispatcherOptions { Lease = TimeSpan.FromSeconds(3), BatchSize = 100, ClaimChunk = 50, MaxConcurrency = 8, ConversationSpacing = TimeSpan.Zero },
        TimeProvider.System);

    private static async Task RunUntilAllSentAsync(Dispatcher dispatcher, FakePlatform platform, CancellationToken ct)
    {
        while (platform.Received.Count < People * PerPerson && !ct.IsCancellationRequested)
        {
            if ((await dispatcher.DispatchAsync(ct)).Claimed == 0)
            {
                await Task.Delay(200, ct);
            }
        }
    }

    /// <summary>The platform: counts every message it is handed, by the outbox key the sender passes.</summary>
    private sealed class FakePlatform
    {
        public ConcurrentDictionary<string, int> Received { get; } = new(StringComparer.Ordinal);

        public void Take(string key) => Received.AddOrUpdate(key, 1, (_, n) => n + 1);

        public async Task WaitForAsync(int count, CancellationToken ct)
        {
            while (Received.Count < count)
            {
                await Task.Delay(20, ct);
            }
        }
    }

    private sealed class PlatformSender(FakePlatform platform) : IMessageSender
    {
        public string Channel => "msteams";

        public Task<bool> CanReachAsync(Person recipient, CancellationToken ct) => Task.FromResult(true);

        public Task<SendOutcome> SendAsync(Person recipient, Reply message, string key, CancellationToken ct)
        {
            platform.Take(key);
            return Task.FromResult(SendOutcome.Delivered);
        }
    }

    /// <summary>Sends normally, then stops dead: every later send hangs until the test ends (nothing recorded, as after SIGKILL).</summary>
    private sealed class DyingSender(FakePlatform platform, int after, CancellationToken killed) : IMessageSender
    {
        private int _sent;

        public string Channel => "msteams";

        public Task<bool> CanReachAsync(Person recipient, CancellationToken ct) => Task.FromResult(true);

        public async Task<SendOutcome> SendAsync(Person recipient, Reply message, string key, CancellationToken ct)
        {
            if (Interlocked.Increment(ref _sent) > after)
            {
                await Task.Delay(Timeout.Infinite, killed);
            }

            platform.Take(key);
            return SendOutcome.Delivered;
        }
    }
}
