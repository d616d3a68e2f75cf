using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OversightBot.Channels.Slack;

/// <summary>
/// Events acknowledged to Slack and not yet handled. <see cref="EnqueueAsync"/> returns false for an event id seen
/// before (Slack's retries), so each event is handled once.
/// </summary>
public interface ISlackEventQueue
{
    Task<bool> EnqueueAsync(string eventId, string callbackJson, CancellationToken ct);
}

/// <summary>
/// The in-process queue: a bounded channel drained by a background service, with the last event ids remembered for
/// deduplication. It is not durable: events acknowledged but not yet handled when the process stops are lost (Slack
/// does not resend an acknowledged event). A store-backed queue replaces it by registering another
/// <see cref="ISlackEventQueue"/> first.
/// </summary>
public sealed class InProcessSlackEventQueue(SlackBot bot, ILogger<InProcessSlackEventQueue> log) : BackgroundService, ISlackEventQueue
{
    private const int RememberedIds = 50_000;
    private readonly Channel<string> _events = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public async Task<bool> EnqueueAsync(string eventId, string callbackJson, CancellationToken ct)
    {
        if (!_seen.TryAdd(eventId, 0))
        {
            return false;
        }

        _order.Enqueue(eventId);
        while (_order.Count > RememberedIds && _order.TryDequeue(out var old))
        {
            _seen.TryRemove(old, out _);
        }

        await _events.Writer.WriteAsync(callbackJson, ct);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, 4).Select(_ => DrainAsync(stoppingToken)).ToArray();
        await Task.WhenAll(workers);
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var json in _events.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await bot.HandleEventAsync(json, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(SlackLogEvents.SlackEventQueueError1, ex, "Slack: an event failed");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
