using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OversightBot.Core.Ports;
using OversightBot.Core.Work;

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
/// Writes each event to the durable work queue before Slack gets its acknowledgement, then handles it at once on one
/// of <see cref="Workers"/> in-process workers and marks it done. An event not done (the process stopped, the
/// handler threw, too many waiting) stays in the queue for the host's <see cref="WorkRunner"/> through
/// <see cref="SlackEventWork"/>: a crash after the ack means a later answer, never a lost one.
/// </summary>
public sealed class DurableSlackEventQueue(IWorkQueue queue, SlackEventWork work, TimeProvider clock, ILogger<DurableSlackEventQueue> log)
    : BackgroundService, ISlackEventQueue
{
    public const int Workers = 4;
    private readonly Channel<WorkItem> _ready = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    public async Task<bool> EnqueueAsync(string eventId, string callbackJson, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var item = SlackEventWork.Item(eventId, callbackJson, now);
        if (!await queue.EnqueueWorkAsync(item, CancellationToken.None))
        {
            return false;
        }

        if (!_ready.Writer.TryWrite(item))
        {
            // Too many waiting here: the host's worker takes it now instead of after the lease.
            await queue.FailWorkAsync(item.Id, "Left to the work queue: too many Slack events at once.", now, dead: false, CancellationToken.None);
        }

        return true;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => DrainAsync(stoppingToken)));

    private async Task DrainAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var item in _ready.Reader.ReadAllAsync(ct))
            {
                await RunAsync(item, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(WorkItem item, CancellationToken ct)
    {
        try
        {
            await work.RunAsync(item, ct);
            if (!ct.IsCancellationRequested)
            {
                await queue.CompleteWorkAsync(item.Id, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(SlackLogEvents.SlackEventQueueError1, ex, "Slack: an event failed; the work queue will try it again");
            await queue.FailWorkAsync(item.Id, $"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow() + WorkRunner.Backoff(item.Attempts), dead: false, CancellationToken.None);
        }
    }
}
