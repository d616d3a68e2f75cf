using OversightBot.Core.Domain;
using OversightBot.Core.Handlers;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Proactive;

/// <summary>The weekly digest uses the on-demand digest's content ("digest" in chat).</summary>
public sealed class HandlerDigestComposer(DigestHandler handler) : IDigestComposer
{
    public Task<Reply> ComposeAsync(Person? person, DateOnly today, CancellationToken ct) => handler.ComposeAsync(person, today, ct);
}
