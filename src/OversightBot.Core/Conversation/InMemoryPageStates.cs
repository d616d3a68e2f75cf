using System.Collections.Concurrent;
using OversightBot.Core.Ports;

namespace OversightBot.Core.Conversation;

/// <summary>Paging state for one process only: tests and stores that do not keep it themselves.</summary>
public sealed class InMemoryPageStates : IPageStateStore
{
    private readonly ConcurrentDictionary<string, PageState> _states = new(StringComparer.Ordinal);

    public Task<PageState?> GetPageStateAsync(string key, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(_states.TryGetValue(key, out var state) && state.ExpiresAt > now ? state : null);

    public Task SavePageStateAsync(PageState state, DateTimeOffset now, int keepAtMost, CancellationToken ct)
    {
        _states[state.Key] = state;
        foreach (var old in _states.Values.Where(s => s.ExpiresAt <= now).ToList())
        {
            _states.TryRemove(old.Key, out _);
        }

        var excess = _states.Count - keepAtMost;
        foreach (var old in _states.Values.OrderBy(s => s.ExpiresAt).Take(Math.Max(0, excess)).ToList())
        {
            _states.TryRemove(old.Key, out _);
        }

        return Task.CompletedTask;
    }

    public Task ForgetPageStateAsync(string key, CancellationToken ct)
    {
        _states.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
