using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OversightBot.Testing;

/// <summary>Every log line a host under test writes (level, event id, category, text), for tests that check what an operator reads.</summary>
public sealed class LogLines : ILoggerProvider
{
    public sealed record Line(LogLevel Level, EventId Id, string Category, string Text);

    public ConcurrentQueue<Line> Lines { get; } = new();

    public bool Any(Func<Line, bool> match) => Lines.Any(match);

    public async Task<Line> WaitForAsync(Func<Line, bool> match, int timeoutMs = 10_000)
    {
        for (var waited = 0; waited < timeoutMs; waited += 20)
        {
            if (Lines.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The log line never came. Lines: " + string.Join(" | ", Lines.Select(l => l.Text)));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogLines owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Lines.Enqueue(new Line(logLevel, eventId, category, formatter(state, exception)));
            }
        }
    }
}
