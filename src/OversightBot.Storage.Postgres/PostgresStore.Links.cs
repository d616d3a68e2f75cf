using System.Globalization;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.Postgres;

/// <summary>Links, themes, "awaiting others", recurring items and statistics, each answered from its own index or table.</summary>
public sealed partial class PostgresStore
{
    public async Task<IReadOnlyList<TrackedItem>> PartsAsync(string parentId, CancellationToken ct) =>
        await ItemsWhereAsync("parent_key = $1", "ORDER BY id", ct, KeyOf(parentId));

    public async Task<IReadOnlyList<TrackedItem>> AddressedByAsync(string itemId, CancellationToken ct) =>
        await ItemsWhereAsync("address_keys @> ARRAY[$1]", "ORDER BY id", ct, KeyOf(itemId));

    public async Task<IReadOnlyList<TrackedItem>> ByThemeAsync(string theme, CancellationToken ct) =>
        await ItemsWhereAsync("theme_keys @> ARRAY[$1]", "ORDER BY id", ct, KeyOf(theme));

    public async Task<Page<TrackedItem>> AwaitingOthersAsync(int skip, int take, CancellationToken ct)
    {
        await EnsurePlannedThroughAsync(SeriesPlanStarted, ct);
        var total = Convert.ToInt32(await Pg.ScalarAsync(_data,
            "SELECT (SELECT count(*) FROM items WHERE await_due IS NOT NULL) + (SELECT count(*) FROM occurrences WHERE await_due IS NOT NULL)", ct), CultureInfo.InvariantCulture);
        return await MergedPageAsync("await_due", "await_due IS NOT NULL", total, skip, take, ct);
    }

    public async Task<IReadOnlyList<TrackedItem>> RecurringOpenAsync(CancellationToken ct) =>
        await ItemsWhereAsync("recurrence <> 'None' AND NOT is_series AND status IN ('Open', 'InProgress')", "ORDER BY id", ct);

    public async Task UpsertStatisticAsync(Statistic statistic, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statistic.Id);
        await Pg.ExecAsync(_data, "INSERT INTO statistics (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc", ct,
            statistic.Id, new Pg.Json(PgJson.Write(statistic)));
        await ChangedAsync(ct);
    }

    public async Task<IReadOnlyList<Statistic>> StatisticsAsync(CancellationToken ct) =>
        (await Pg.ListAsync(Pg.Command(_data, "SELECT doc::text FROM statistics"), r => PgJson.Read<Statistic>(r.GetString(0)), ct))
        .OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    public async Task<Board?> GetBoardAsync(string id, CancellationToken ct) =>
        await Pg.ScalarAsync(_data, "SELECT doc::text FROM boards WHERE key = $1", ct, KeyOf(id)) is string doc ? PgJson.Read<Board>(doc) : null;

    public async Task<Board?> FindBoardAsync(string nameOrAlias, CancellationToken ct)
    {
        var wanted = nameOrAlias.Trim();
        return await GetBoardAsync(wanted, ct) ?? (await BoardsAsync(ct)).FirstOrDefault(b => b.Matches(wanted));
    }

    public async Task<IReadOnlyList<Board>> BoardsAsync(CancellationToken ct) =>
        (await Pg.ListAsync(Pg.Command(_data, "SELECT doc::text FROM boards"), r => PgJson.Read<Board>(r.GetString(0)), ct))
        .OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public async Task UpsertBoardAsync(Board board, CancellationToken ct)
    {
        await Pg.ExecAsync(_data, "INSERT INTO boards (key, name, doc) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET name = excluded.name, doc = excluded.doc", ct,
            KeyOf(board.Id), board.Name, new Pg.Json(PgJson.Write(board)));
        await ChangedAsync(ct);
    }
}
