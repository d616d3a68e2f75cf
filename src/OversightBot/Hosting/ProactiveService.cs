using Microsoft.Extensions.Options;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;

namespace OversightBot.Hosting;

/// <summary>
/// The scheduler: every tick (default one minute, on the injected clock) plans and adds rows to the outbox, then
/// dispatches what is due. At start it releases claims left in flight by a previous process (the embedded store
/// has one writer), so a crash between claim and record leads to a prompt retry.
/// </summary>
public sealed partial class ProactiveService(
    ProactiveEngine engine, IOutboxStore outbox, IOptions<ProactiveOptions> options, TimeProvider clock, ILogger<ProactiveService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(log);
            return;
        }

        var released = await outbox.ReleaseInFlightAsync(clock.GetUtcNow(), stoppingToken);
        LogStarted(log, settings.TickInterval, released);
        using var timer = new PeriodicTimer(settings.TickInterval, clock);
        do
        {
            try
            {
                var report = await engine.TickAsync(stoppingToken);
                if (report.Planned && report.PlannedRows > 0)
                {
                    LogPlanned(log, report.Added, report.PlannedRows, report.PlanTime.TotalMilliseconds);
                }

                var d = report.Dispatch;
                if (d.Claimed > 0)
                {
                    LogDispatched(log, d.Claimed, d.Delivered, d.Throttled, d.Failed, d.Gone, d.Cancelled, d.MaxRecordLag.TotalMilliseconds);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Proactive scheduler started: tick {Tick}, {Released} in-flight rows released")]
    private static partial void LogStarted(ILogger logger, TimeSpan tick, int released);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Proactive scheduler disabled (Proactive:Enabled = false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Planned {Added} new outbox rows ({Rows} considered) in {Ms:F1} ms")]
    private static partial void LogPlanned(ILogger logger, int added, int rows, double ms);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Dispatched {Claimed}: {Delivered} delivered, {Throttled} throttled, {Failed} failed, {Gone} gone, {Cancelled} cancelled; record lag max {LagMs:F2} ms")]
    private static partial void LogDispatched(ILogger logger, int claimed, int delivered, int throttled, int failed, int gone, int cancelled, double lagMs);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "Proactive tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception ex);
}
