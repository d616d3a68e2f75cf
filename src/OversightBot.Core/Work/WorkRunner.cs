using OversightBot.Core.Ports;

namespace OversightBot.Core.Work;

/// <summary>
/// Runs queued work whose time has come: claims items with a lease (a crash mid-run means the item is taken again
/// when the lease ends), hands each to the handler of its kind, deletes it when done, and retries failures with a
/// growing pause until <see cref="MaxAttempts"/>, after which the item is kept as dead for an operator.
/// </summary>
public sealed class WorkRunner(IWorkQueue queue, IEnumerable<IWorkHandler> handlers, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 8;
    public const int Batch = 16;

    private readonly Dictionary<string, IWorkHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>Runs one batch of ready items; returns how many were taken.</summary>
    public async Task<int> RunReadyAsync(CancellationToken ct)
    {
        var claimed = await queue.ClaimWorkAsync(clock.GetUtcNow(), Lease, Batch, ct);
        foreach (var item in claimed)
        {
            await RunOneAsync(item, ct);
        }

        return claimed.Count;
    }

    private async Task RunOneAsync(WorkItem item, CancellationToken ct)
    {
        string error;
        if (!_handlers.TryGetValue(item.Kind, out var handler))
        {
            error = $"No handler for work of kind '{item.Kind}'.";
        }
        else
        {
            try
            {
                await handler.RunAsync(item, ct);
                await queue.CompleteWorkAsync(item.Id, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
            }
        }

        var dead = item.Attempts >= MaxAttempts;
        await queue.FailWorkAsync(item.Id, error, clock.GetUtcNow() + Backoff(item.Attempts), dead, CancellationToken.None);
    }

    /// <summary>10 s, 20 s, 40 s … at most 10 minutes.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(600, 10 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
