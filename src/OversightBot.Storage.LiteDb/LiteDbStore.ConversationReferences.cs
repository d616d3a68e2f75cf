using LiteDB;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

public sealed partial class LiteDbStore : IConversationReferenceStore
{
    internal const string ConversationReferencesName = "conversationRefs";

    private ILiteCollection<ConversationReference> References => _db.GetCollection<ConversationReference>(ConversationReferencesName);

    public Task SaveReferenceAsync(ConversationReference reference, CancellationToken ct)
    {
        var stored = reference.Email is { } email ? reference with { Email = email.Trim().ToLowerInvariant() } : reference;
        References.Upsert(stored);
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetReferenceAsync(string id, CancellationToken ct) =>
        Task.FromResult<ConversationReference?>(References.FindById(id));

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
        if (References.FindById(id) is { } existing)
        {
            References.Update(existing with { Gone = true, GoneAt = at });
        }

        return Task.CompletedTask;
    }
}
