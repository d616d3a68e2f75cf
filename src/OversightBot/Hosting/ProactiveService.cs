using Microsoft.Extensions.Options;
using OversightBot.Core.Diagnostics;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;

namespace OversightBot.Hosting;

/// <summary>
/// The scheduler: every tick (default one minute, on the injected clock) plans and adds rows to the outbox, then
/// dispatches what is due. A tick plans and writes only for its budget (<c>Proactive:TickBudget</c>); while a plan
/// or planned rows remain, the next tick comes after <c>Proactive:BusyTickInterval</c> instead, so a large plan (a
/// Friday, the catch-up after a start) is done in many short ticks within minutes. At start it releases claims left
/// in flight by a previous process (the embedded store has one writer), so a crash between claim and record leads to
/// a prompt retry.
/// </summary>
public sealed partial class ProactiveService(
    ProactiveEngine engine, IOutboxStore outbox, IOptions<ProactiveOptions> options, TimeProvider clock, ILogger<ProactiveService> log) : BackgroundService
{
    private DateTimeOffset _lastLook = DateTimeOffset.MinValue;

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
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = clock.GetTimestamp();
            var busy = false;
            try
            {
                var report = await engine.TickAsync(stoppingToken);
                busy = report.Busy;
                if (report.Finished is { } plan)
                {
                    LogPlanned(log, plan.Stats.New, plan.Stats.Considered, plan.Ticks, plan.Work.TotalMilliseconds, plan.LongestTick.TotalMilliseconds);
                    if (plan.Stats.Unreached is { Count: > 0 } unreached)
                    {
                        LogUnreached(log, unreached.Count, string.Join(", ", unreached.Take(20)));
                    }
                }

                await LookAtOutboxAsync(stoppingToken);
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

            // Busy: a short pause (other work gets the store); otherwise the next tick on the interval's cadence.
            var wait = busy ? settings.BusyTickInterval : settings.TickInterval - clock.GetElapsedTime(started);
            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>For the outbox gauges (when telemetry is on): rows per state and how late the oldest due row is, at most every 30 s.</summary>
    private async Task LookAtOutboxAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!BotTelemetry.WatchOutbox || now - _lastLook < TimeSpan.FromSeconds(30))
        {
            return;
        }

        _lastLook = now;
        var counts = await outbox.CountByStateAsync(ct);
        var first = counts.GetValueOrDefault(OutboxState.Pending) > 0 ? await outbox.ByStateAsync(OutboxState.Pending, 0, 1, ct) : [];
        var oldest = first.Count > 0 ? first[0] : null;
        var age = oldest is null ? (TimeSpan?)null : now > oldest.NextAt ? now - oldest.NextAt : TimeSpan.Zero;
        BotTelemetry.SetOutbox(new BotTelemetry.OutboxSnapshot(counts, age));
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Proactive scheduler started: tick {Tick}, {Released} in-flight rows released")]
    private static partial void LogStarted(ILogger logger, TimeSpan tick, int released);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Proactive scheduler disabled (Proactive:Enabled = false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Planned {New} new outbox rows ({Considered} considered) over {Ticks} ticks: {Ms:F1} ms of work, longest tick {LongestMs:F1} ms")]
    private static partial void LogPlanned(ILogger logger, int @new, int considered, int ticks, double ms, double longestMs);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "{Count} open item(s) were due a nudge but their owner matches no person or team member, so nobody was nudged: {ItemIds}")]
    private static partial void LogUnreached(ILogger logger, int count, string itemIds);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Dispatched {Claimed}: {Delivered} delivered, {Throttled} throttled, {Failed} failed, {Gone} gone, {Cancelled} cancelled; record lag max {LagMs:F2} ms")]
    private static partial void LogDispatched(ILogger logger, int claimed, int delivered, int throttled, int failed, int gone, int cancelled, double lagMs);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "Proactive tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception ex);
}
