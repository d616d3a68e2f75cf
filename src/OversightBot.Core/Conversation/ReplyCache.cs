using System.Collections.Concurrent;
using OversightBot.Core.Language;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Conversation;

/// <summary>
/// Answers to read-only questions, remembered until the store changes: the key holds the store's revision, the
/// day, the page, and who asked (answers depend on permissions and "my"). A busy Monday morning of "what's
/// overdue?" then costs one query. Replies are immutable records, so sharing them is safe.
/// </summary>
public sealed class ReplyCache(int capacity = ReplyCache.DefaultCapacity)
{
    public const int DefaultCapacity = 512;

    private readonly ConcurrentDictionary<Key, Reply> _replies = new();

    private readonly record struct Key(Intent Intent, int Offset, DateOnly Today, string? Asker, long Revision);

    /// <summary>Intents whose answers depend only on the store, the day and the asker.</summary>
    public static bool IsCacheable(Intent intent) =>
        intent is OverdueQuery or OverdueForOwnerQuery or DueQuery or StatusQuery or OwnerQuery or BoardsQuery or DigestQuery or ListQuery or StatsQuery or HistoryQuery;

    public async Task<Reply> GetOrAddAsync(Intent intent, int offset, AskContext ctx, long revision, Func<Task<Reply>> answer)
    {
        if (capacity <= 0 || !IsCacheable(intent))
        {
            return await answer();
        }

        var key = new Key(intent, offset, ctx.Today, ctx.Asker is null ? null : $"{ctx.Asker.Email}|{ctx.Asker.Role}|{ctx.Asker.Team}", revision);
        if (_replies.TryGetValue(key, out var known))
        {
            return known;
        }

        var reply = await answer();
        if (_replies.Count >= capacity)
        {
            _replies.Clear();
        }

        _replies[key] = reply;
        return reply;
    }
}
