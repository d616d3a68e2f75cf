using OversightBot.Core.Work;

namespace OversightBot.Hosting;

/// <summary>The host's worker for the durable work queue: runs ready items every <see cref="Interval"/>, more at once while there are some.</summary>
public sealed class WorkQueueService(WorkRunner runner, TimeProvider clock, ILogger<WorkQueueService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await runner.RunReadyAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(HostLogEvents.WorkQueueUnreadable, ex, "The work queue could not be read; trying again in {Interval}", Interval);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
