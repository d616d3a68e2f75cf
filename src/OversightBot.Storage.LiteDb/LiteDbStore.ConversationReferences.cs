using System.Collections.Concurrent;
using LiteDB;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

public sealed partial class LiteDbStore : IConversationReferenceStore
{
    internal const string ConversationReferencesName = "conversationRefs";

    /// <summary>Above this many remembered references the memory starts again (it only saves reads).</summary>
    private const int ReferenceMemoryLimit = 100_000;

    /// <summary>
    /// References by id as last read from or written to the file (null = none). Every inbound message checks its
    /// sender's reference, and references are immutable records, so they are remembered after the first read.
    /// Writes go through <see cref="_referencesLock"/> and refresh the entry from the file.
    /// </summary>
    private readonly ConcurrentDictionary<string, ConversationReference?> _referenceMemory = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _referencesLock = new();

    private ILiteCollection<ConversationReference> References => _db.GetCollection<ConversationReference>(ConversationReferencesName);

    public Task SaveReferenceAsync(ConversationReference reference, CancellationToken ct)
    {
        var key = reference.Key();
        var stored = reference with { Id = key.ToString(), Email = reference.Email?.Trim().ToLowerInvariant() };
        lock (_referencesLock)
        {
            References.Upsert(stored);
            RememberReference(stored.Id, References.FindById(stored.Id));
        }

        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetReferenceAsync(ReferenceKey key, CancellationToken ct)
    {
        var id = key.ToString();
        if (_referenceMemory.TryGetValue(id, out var remembered))
        {
            return Task.FromResult(remembered);
        }

        lock (_referencesLock)
        {
            var found = References.FindById(id);
            RememberReference(id, found);
            return Task.FromResult<ConversationReference?>(found);
        }
    }

    private void RememberReference(string id, ConversationReference? reference)
    {
        if (_referenceMemory.Count >= ReferenceMemoryLimit)
        {
            _referenceMemory.Clear();
        }

        _referenceMemory[id] = reference;
    }

    public Task<ConversationReference?> FindReferenceByEmailAsync(string channel, string email, CancellationToken ct)
    {
        var key = email.Trim().ToLowerInvariant();
        var found = References.Find(Query.EQ("Email", key))
            .Where(r => r.Channel == channel && r.Scope == ReferenceKey.User)
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefault();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<ConversationReference>> ChannelReferencesAsync(string channel, CancellationToken ct)
    {
        var prefix = $"{channel}:{ReferenceKey.Conversation}:";
        IReadOnlyList<ConversationReference> list = References.Find(Query.StartsWith("_id", prefix)).Where(r => !r.Gone).ToList();
        return Task.FromResult(list);
    }

    public Task MarkReferenceGoneAsync(ReferenceKey key, DateTimeOffset at, CancellationToken ct)
    {
        var id = key.ToString();
        lock (_referencesLock)
        {
            if (References.FindById(id) is { } existing)
            {
                References.Update(existing with { Gone = true, GoneAt = at });
                RememberReference(id, References.FindById(id));
            }
        }

        return Task.CompletedTask;
    }
}
