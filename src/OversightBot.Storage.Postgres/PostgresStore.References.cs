using OversightBot.Core.Ports;

namespace OversightBot.Storage.Postgres;

/// <summary>Conversation references, read from the database on every look-up (no per-process memory to go stale).</summary>
public sealed partial class PostgresStore
{
    public async Task SaveReferenceAsync(ConversationReference reference, CancellationToken ct)
    {
        var key = reference.Key();
        var stored = reference with { Id = key.ToString(), Email = reference.Email?.Trim().ToLowerInvariant() };
        await Pg.ExecAsync(_data, """
            INSERT INTO conversation_refs (key, channel, scope, email, gone, updated_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (key) DO UPDATE SET channel = excluded.channel, scope = excluded.scope, email = excluded.email,
                gone = excluded.gone, updated_at = excluded.updated_at, doc = excluded.doc
            """, ct, KeyOf(stored.Id), stored.Channel, stored.Scope, stored.Email, stored.Gone, stored.UpdatedAt, new Pg.Json(PgJson.Write(stored)));
    }

    public async Task<ConversationReference?> GetReferenceAsync(ReferenceKey key, CancellationToken ct) =>
        (await ReferencesWhereAsync("key = $1", "", ct, KeyOf(key.ToString()))).FirstOrDefault();

    public async Task<ConversationReference?> FindReferenceByEmailAsync(string channel, string email, CancellationToken ct) =>
        (await ReferencesWhereAsync("email = $1 AND channel = $2 AND scope = $3", "ORDER BY updated_at DESC LIMIT 1", ct,
            email.Trim().ToLowerInvariant(), channel, ReferenceKey.User)).FirstOrDefault();

    public async Task<IReadOnlyList<ConversationReference>> ChannelReferencesAsync(string channel, CancellationToken ct) =>
        await ReferencesWhereAsync("channel = $1 AND scope = $2 AND NOT gone", "ORDER BY key", ct, channel, ReferenceKey.Conversation);

    public async Task MarkReferenceGoneAsync(ReferenceKey key, DateTimeOffset at, CancellationToken ct)
    {
        if (await GetReferenceAsync(key, ct) is { } existing)
        {
            var gone = existing with { Gone = true, GoneAt = at };
            await Pg.ExecAsync(_data, "UPDATE conversation_refs SET gone = true, doc = $2 WHERE key = $1", ct,
                KeyOf(key.ToString()), new Pg.Json(PgJson.Write(gone)));
        }
    }

    private async Task<List<ConversationReference>> ReferencesWhereAsync(string where, string tail, CancellationToken ct, params object?[] args) =>
        await Pg.ListAsync(Pg.Command(_data, $"SELECT doc::text FROM conversation_refs WHERE {where} {tail}", args), r => PgJson.Read<ConversationReference>(r.GetString(0)), ct);
}
