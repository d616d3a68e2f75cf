using System.Collections.Concurrent;
using System.Diagnostics;

namespace OversightBot.Testing;

/// <summary>A long-running npm peer script (a reference server or client): its output lines as they come, killed on dispose.</summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _stdout;
    private readonly Task _stderr;

    private PeerProcess(Process process)
    {
        _process = process;
        _stdout = PumpAsync(process.StandardOutput, Lines);
        _stderr = PumpAsync(process.StandardError, Errors);
    }

    public ConcurrentQueue<string> Lines { get; } = new();
    public ConcurrentQueue<string> Errors { get; } = new();

    public static PeerProcess Start(string script, params string[] args) =>
        new(NodePeers.Start(script, new Dictionary<string, string>(), args));

    /// <summary>The first output line matching <paramref name="match"/>; fails with the peer's errors if it exits or times out first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, int timeoutMs = 30_000)
    {
        for (var waited = 0; waited < timeoutMs; waited += 20)
        {
            if (Lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                await Task.WhenAll(_stdout, _stderr);
                if (Lines.FirstOrDefault(match) is { } last)
                {
                    return last;
                }

                break;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException("The peer never printed the expected line. Output: " + string.Join(" | ", Lines) + " Errors: " + string.Join(" | ", Errors));
    }

    private static async Task PumpAsync(StreamReader reader, ConcurrentQueue<string> into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            into.Enqueue(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
