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
        var stored = reference.Email is { } email ? reference with { Email = email.Trim().ToLowerInvariant() } : reference;
        lock (_referencesLock)
        {
            References.Upsert(stored);
            RememberReference(stored.Id, References.FindById(stored.Id));
        }

        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetReferenceAsync(string id, CancellationToken ct)
    {
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
            .Where(r => r.Channel == channel && r.Id.StartsWith(channel + ":user:", StringComparison.Ordinal))
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefault();
        return Task.FromResult(found);
    }

    public Task<ConversationReference?> FindReferenceByUserAsync(string channel, string userIdOrAadObjectId, CancellationToken ct)
    {
        var found = References.FindById(ConversationReference.UserKey(channel, userIdOrAadObjectId))
            ?? References.Find(Query.EQ("AadObjectId", userIdOrAadObjectId)).FirstOrDefault(r => r.Channel == channel)
            ?? References.Find(Query.EQ("UserId", userIdOrAadObjectId)).FirstOrDefault(r => r.Channel == channel);
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<ConversationReference>> ChannelReferencesAsync(string channel, CancellationToken ct)
    {
        var prefix = channel + ":channel:";
        IReadOnlyList<ConversationReference> list = References.Find(Query.StartsWith("_id", prefix)).Where(r => !r.Gone).ToList();
        return Task.FromResult(list);
    }

    public Task MarkReferenceGoneAsync(string id, DateTimeOffset at, CancellationToken ct)
    {
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
