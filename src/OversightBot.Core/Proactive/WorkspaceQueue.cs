using OversightBot.Core.Ports;

namespace OversightBot.Core.Proactive;

/// <summary>
/// The sends to one channel's workspace. At most <c>limit</c> are in flight; none starts while the platform's
/// Retry-After for the workspace runs; and waiting sends start strictly in the order of their tickets (a message takes
/// its ticket when it first tries to go), so after each pause the oldest messages go first and none starves behind a
/// crowd of retries. The queue starts the sends itself, so the order does not depend on which woken task the thread
/// pool runs first. A 429 for the workspace closes it before another send starts.
/// </summary>
internal sealed class WorkspaceQueue(TimeProvider clock, int limit, TimeSpan defaultRetryAfter)
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<Request, long> _waiting = new();
    private DateTimeOffset _closedUntil;
    private DateTimeOffset? _openingAt;
    private int _inFlight;
    private bool _pumping;
    private bool _again;

    /// <summary>Until when the platform asked the whole workspace to wait.</summary>
    public DateTimeOffset ClosedUntil
    {
        get
        {
            lock (_lock)
            {
                return _closedUntil;
            }
        }
    }

    /// <summary>Sends waiting to start.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="send"/> under <paramref name="ticket"/> and returns its outcome once it has run.</summary>
    public async Task<SendOutcome> SendAsync(long ticket, Func<Task<SendOutcome>> send, CancellationToken ct)
    {
        var request = new Request(send, new TaskCompletionSource<SendOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            _waiting.Enqueue(request, ticket);
        }

        Pump();
        using (ct.Register(() => request.Done.TrySetCanceled(ct)))
        {
            return await request.Done.Task;
        }
    }

    /// <summary>Starts waiting sends, oldest ticket first, while the workspace is open and has room.</summary>
    private void Pump()
    {
        lock (_lock)
        {
            if (_pumping)
            {
                _again = true; // a send finished inside the loop below: it looks again
                return;
            }

            _pumping = true;
        }

        while (true)
        {
            Request? next = null;
            DateTimeOffset? reopen = null;
            lock (_lock)
            {
                if (clock.GetUtcNow() < _closedUntil)
                {
                    if (_waiting.Count > 0 && _openingAt != _closedUntil)
                    {
                        _openingAt = _closedUntil;
                        reopen = _closedUntil;
                    }
                }
                else
                {
                    while (_inFlight < limit && _waiting.TryDequeue(out var candidate, out _))
                    {
                        if (!candidate.Done.Task.IsCompleted)
                        {
                            next = candidate;
                            _inFlight++;
                            break;
                        }
                    }
                }

                if (next is null && reopen is null)
                {
                    if (!_again)
                    {
                        _pumping = false;
                        return;
                    }

                    _again = false;
                    continue;
                }
            }

            if (reopen is { } at)
            {
                _ = ReopenAsync(at);
            }

            if (next is not null)
            {
                _ = RunAsync(next);
            }
        }
    }

    private async Task RunAsync(Request request)
    {
        try
        {
            var outcome = await request.Send();
            if (outcome is { Kind: SendOutcomeKind.Throttled, Scope: ThrottleScope.Workspace })
            {
                var until = clock.GetUtcNow() + (outcome.RetryAfter ?? defaultRetryAfter);
                lock (_lock)
                {
                    _closedUntil = until > _closedUntil ? until : _closedUntil;
                }
            }

            request.Done.TrySetResult(outcome);
        }
        catch (Exception ex)
        {
            request.Done.TrySetException(ex);
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
            }

            Pump();
        }
    }

    private async Task ReopenAsync(DateTimeOffset at)
    {
        var wait = at - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock);
        }

        lock (_lock)
        {
            if (_openingAt == at)
            {
                _openingAt = null;
            }
        }

        Pump();
    }

    private sealed record Request(Func<Task<SendOutcome>> Send, TaskCompletionSource<SendOutcome> Done);
}
