namespace OversightBot.Core.Ports;

/// <summary>
/// Where "more" continues: the question whose answer was a list, the day it was answered for and where its next
/// page starts. One per channel + conversation + asker (<see cref="Key"/> is a fixed-length digest of the three).
/// </summary>
public sealed record PageState(string Key, string Question, DateOnly Today, int Next, DateTimeOffset ExpiresAt);

/// <summary>Paging state kept where every process using the store sees it: bounded in number, expiring.</summary>
public interface IPageStateStore
{
    /// <summary>The state under <paramref name="key"/>, or null when there is none or it expired before <paramref name="now"/>.</summary>
    Task<PageState?> GetPageStateAsync(string key, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Inserts or replaces the state with the same key, then drops expired states and, beyond
    /// <paramref name="keepAtMost"/>, those that expire first.
    /// </summary>
    Task SavePageStateAsync(PageState state, DateTimeOffset now, int keepAtMost, CancellationToken ct);

    Task ForgetPageStateAsync(string key, CancellationToken ct);
}
