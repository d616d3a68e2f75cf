using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Storage.Postgres;

namespace OversightBot.Hosting;

/// <summary>One kind of record after a move: how many each side holds and a digest of their contents.</summary>
public sealed record MovedKind(string Kind, int Source, int Target, string SourceDigest, string TargetDigest)
{
    public bool Same => Source == Target && SourceDigest == TargetDigest;
}

/// <summary>
/// Moves everything an embedded store holds into an empty PostgreSQL database, then reads both whole and compares,
/// kind by kind, the counts and a digest of every record (canonical JSON, SHA-256; instants to the microsecond, the
/// precision PostgreSQL keeps). Nothing in the source is changed.
/// </summary>
public static class StoreMove
{
    private const int Batch = 500;

    /// <summary>"Now" for copying page states: before any state's expiry, so none is dropped as expired.</summary>
    private static readonly DateTimeOffset KeepEvery = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<MovedKind>> CopyAsync(IBotStore source, PostgresStore target, Action<string> say, CancellationToken ct)
    {
        if (!await target.IsEmptyAsync(ct) || (await target.CountByStateAsync(ct)).Count > 0)
        {
            throw new InvalidOperationException("The PostgreSQL database already holds data; migrate-store writes only into an empty database.");
        }

        var series = new Dictionary<string, TrackedItem>(StringComparer.OrdinalIgnoreCase);
        var ids = new List<string>();
        await foreach (var item in source.AllAsync(ct))
        {
            ids.Add(item.Id);
            if (item.Series is not null)
            {
                series[item.Id] = item;
            }
        }

        var contents = (IStoreContents)source;
        var occurrences = new List<(TrackedItem, Occurrence)>();
        await foreach (var o in contents.AllOccurrencesAsync(ct))
        {
            occurrences.Add((series[o.SeriesId], o));
        }

        foreach (var chunk in occurrences.Chunk(Batch))
        {
            await target.ImportOccurrencesAsync(chunk, ct);
        }

        var copied = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            var items = new List<TrackedItem>(chunk.Length);
            foreach (var id in chunk)
            {
                items.Add((await source.GetAsync(id, ct))!);
            }

            await target.UpsertManyAsync(items, ct);
            copied += items.Count;
            say($"items: {copied} of {ids.Count}");
        }

        await target.RebuildCountsAsync(ct);
        await CopyRestAsync(source, contents, target, ct);
        return await CompareAsync(source, target, ct);
    }

    private static async Task CopyRestAsync(IBotStore source, IStoreContents contents, PostgresStore target, CancellationToken ct)
    {
        foreach (var board in await source.BoardsAsync(ct))
        {
            await target.UpsertBoardAsync(board, ct);
        }

        foreach (var person in await source.PeopleAsync(ct))
        {
            await target.UpsertPersonAsync(person, ct);
        }

        if (source is IStatisticStore stats)
        {
            foreach (var s in await stats.StatisticsAsync(ct))
            {
                await target.UpsertStatisticAsync(s, ct);
            }
        }

        await foreach (var r in contents.AllReferencesAsync(ct))
        {
            await target.SaveReferenceAsync(r, ct);
        }

        await foreach (var n in contents.AllNotificationsAsync(ct))
        {
            await target.AddNotificationAsync(n, ct);
        }

        await foreach (var p in contents.AllPageStatesAsync(ct))
        {
            await target.SavePageStateAsync(p, KeepEvery, int.MaxValue, ct);
        }

        await foreach (var w in contents.AllWorkAsync(ct))
        {
            await target.EnqueueWorkAsync(w, ct);
        }

        foreach (var chunk in (await source.ByStateAsync(null, 0, int.MaxValue, ct)).Chunk(Batch * 2))
        {
            await target.AddManyIfAbsentAsync(chunk, ct);
        }
    }

    /// <summary>Reads both stores whole and compares each kind's count and digest.</summary>
    public static async Task<IReadOnlyList<MovedKind>> CompareAsync(IBotStore source, IBotStore target, CancellationToken ct)
    {
        var result = new List<MovedKind>();
        foreach (var (kind, read) in Kinds())
        {
            var a = await read(source, ct);
            var b = await read(target, ct);
            result.Add(new MovedKind(kind, a.Count, b.Count, a.Digest, b.Digest));
        }

        return result;
    }

    private static IEnumerable<(string, Func<IBotStore, CancellationToken, Task<Tally>>)> Kinds() =>
    [
        ("items", async (s, ct) => await Tally.OfAsync(s.AllAsync(ct), i => { i.History = []; return i; }, ct)),
        ("history", HistoryAsync),
        ("occurrences", async (s, ct) => await Tally.OfAsync(((IStoreContents)s).AllOccurrencesAsync(ct), o => o, ct)),
        ("boards", async (s, ct) => Tally.Of(await s.BoardsAsync(ct))),
        ("people", async (s, ct) => Tally.Of(await s.PeopleAsync(ct))),
        ("statistics", async (s, ct) => Tally.Of(s is IStatisticStore st ? await st.StatisticsAsync(ct) : [])),
        ("references", async (s, ct) => await Tally.OfAsync(((IStoreContents)s).AllReferencesAsync(ct), r => r, ct)),
        ("outbox", async (s, ct) => Tally.Of((await s.ByStateAsync(null, 0, int.MaxValue, ct)).Select(Micro))),
        ("notifications", async (s, ct) => await Tally.OfAsync(((IStoreContents)s).AllNotificationsAsync(ct), n => n with { At = Micro(n.At) }, ct)),
        ("page states", async (s, ct) => await Tally.OfAsync(((IStoreContents)s).AllPageStatesAsync(ct), p => p with { ExpiresAt = Micro(p.ExpiresAt) }, ct)),
        ("work", async (s, ct) => await Tally.OfAsync(((IStoreContents)s).AllWorkAsync(ct), w => w with { ReadyAt = Micro(w.ReadyAt) }, ct)),
    ];

    private static async Task<Tally> HistoryAsync(IBotStore store, CancellationToken ct)
    {
        var ids = new List<string>();
        await foreach (var item in store.AllAsync(ct))
        {
            ids.Add(item.Id);
        }

        var tally = new Tally();
        foreach (var id in ids)
        {
            var item = await store.GetAsync(id, ct);
            for (var i = 0; i < item!.History.Count; i++)
            {
                tally.Add(new { item = id, seq = i, entry = item.History[i] });
            }
        }

        return tally;
    }

    private static OutboxRow Micro(OutboxRow r) => r with
    {
        DueAt = Micro(r.DueAt), NextAt = Micro(r.NextAt), CreatedAt = Micro(r.CreatedAt), DoneAt = r.DoneAt is { } d ? Micro(d) : null,
    };

    private static DateTimeOffset Micro(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>A count and an order-independent digest: SHA-256 over the sorted SHA-256s of each record's canonical JSON.</summary>
    private sealed class Tally
    {
        private static readonly JsonSerializerOptions Json = new() { IgnoreReadOnlyProperties = true, Converters = { new JsonStringEnumConverter() } };
        private readonly List<byte[]> _hashes = [];

        public int Count => _hashes.Count;

        public string Digest
        {
            get
            {
                var all = _hashes.OrderBy(h => Convert.ToHexString(h), StringComparer.Ordinal).SelectMany(h => h).ToArray();
                return Convert.ToHexString(SHA256.HashData(all))[..16].ToLowerInvariant();
            }
        }

        public static Tally Of<T>(IEnumerable<T> records)
        {
            var tally = new Tally();
            foreach (var r in records)
            {
                tally.Add(r);
            }

            return tally;
        }

        public static async Task<Tally> OfAsync<T, TOut>(IAsyncEnumerable<T> records, Func<T, TOut> shape, CancellationToken ct)
        {
            var tally = new Tally();
            await foreach (var r in records.WithCancellation(ct))
            {
                tally.Add(shape(r));
            }

            return tally;
        }

        public void Add<T>(T record) => _hashes.Add(SHA256.HashData(Encoding.UTF8.GetBytes(Sorted(JsonSerializer.SerializeToNode(record, Json))?.ToJsonString() ?? "null")));

        /// <summary>Object keys in ordinal order at every depth (databases keep JSON keys in their own order).</summary>
        private static JsonNode? Sorted(JsonNode? node) => node switch
        {
            JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
            JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
            _ => node?.DeepClone(),
        };
    }
}
