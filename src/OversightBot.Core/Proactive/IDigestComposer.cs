using OversightBot.Core.Domain;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Proactive;

/// <summary>The weekly digest's content: the same as the on-demand digest ("digest" in chat).</summary>
public interface IDigestComposer
{
    Task<Reply> ComposeAsync(Person? person, DateOnly today, CancellationToken ct);
}
