namespace OversightBot.Core.Handlers;

/// <summary>
/// Serialises read-modify-write changes to items within the process, so two updates arriving together both
/// land in the history instead of one overwriting the other.
/// </summary>
public sealed class ItemWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await change();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
