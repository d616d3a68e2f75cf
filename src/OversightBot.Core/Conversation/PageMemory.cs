using System.Security.Cryptography;
using System.Text;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Conversation;

/// <summary>
/// Remembers, per channel + conversation + asker, the last question whose answer had more pages, so that "more"
/// continues it from any process using the store. Bounded (<see cref="MaxKept"/>) and expiring (<see cref="Lifetime"/>).
/// </summary>
public sealed class PageMemory(IPageStateStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    public const int MaxKept = 10_000;

    /// <summary>Longer questions are answered but not remembered for "more" (no real question is this long).</summary>
    public const int MaxQuestionLength = 2_000;

    /// <summary>A fixed-length key, whatever the lengths of the ids it is made from.</summary>
    public static string KeyFor(string channel, string? conversationId, string? askerEmail)
    {
        var text = $"{channel}\n{conversationId}\n{askerEmail?.Trim().ToLowerInvariant()}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    public Task<PageState?> GetAsync(string key, CancellationToken ct) => store.GetPageStateAsync(key, clock.GetUtcNow(), ct);

    /// <summary>
    /// Keeps the question when its answer has a next page; forgets an older one when a whole list was shown.
    /// Reads first, so a question asked again (the common case) writes nothing.
    /// </summary>
    public async Task RememberAsync(string key, string question, DateOnly today, Reply reply, CancellationToken ct)
    {
        var keep = reply.NextOffset is not null && question.Length <= MaxQuestionLength;
        if (!keep && reply.Items.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var current = await store.GetPageStateAsync(key, now, ct);
        if (!keep)
        {
            if (current is not null)
            {
                await store.ForgetPageStateAsync(key, ct);
            }

            return;
        }

        var next = reply.NextOffset!.Value;
        if (current is not null && current.Question == question && current.Today == today && current.Next == next
            && current.ExpiresAt - now > Lifetime / 2)
        {
            return;
        }

        await store.SavePageStateAsync(new PageState(key, question, today, next, now + Lifetime), now, MaxKept, ct);
    }

    public Task ForgetAsync(string key, CancellationToken ct) => store.ForgetPageStateAsync(key, ct);

    public static Reply NothingMore => new()
    {
        Intent = "more",
        Text = "There's nothing more to show. Ask me something, e.g. \"what's overdue?\".",
        FollowUps = ["what's overdue?"],
    };

    /// <summary>"more" when the list has shrunk below where the next page would start.</summary>
    public static Reply EndOfChangedList(int total) => new()
    {
        Intent = "more",
        Heading = "Nothing more",
        Text = $"That was everything: the list has changed since and now has {total} item{(total == 1 ? "" : "s")}, all shown before. Ask again to see it from the start.",
        Total = total,
        FollowUps = ["what's overdue?"],
    };
}
