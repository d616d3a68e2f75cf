using OversightBot.Core.Ports;

namespace OversightBot.Core.Proactive;

/// <summary>
/// Group commit for send outcomes: the first outcome is written at once; outcomes that arrive while a write is in
/// progress go together in the next one. No added delay, so the send→record window (the only duplicate window)
/// stays about one durable write long while throughput no longer pays one write per message.
/// </summary>
internal sealed class GroupRecorder(IOutboxStore outbox, OutboxRetryPolicy retry, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private List<(OutboxOutcome Outcome, TaskCompletionSource Done)> _pending = [];
    private bool _writing;

    public Task RecordAsync(OutboxOutcome outcome)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_lock)
        {
            _pending.Add((outcome, done));
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            _ = Task.Run(DrainAsync);
        }

        return done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<(OutboxOutcome Outcome, TaskCompletionSource Done)> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            try
            {
                await outbox.RecordManyAsync([.. batch.Select(b => b.Outcome)], clock.GetUtcNow(), retry, CancellationToken.None);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
        }
    }
}
