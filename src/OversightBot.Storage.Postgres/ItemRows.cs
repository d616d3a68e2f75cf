using Npgsql;
using OversightBot.Core.Domain;

namespace OversightBot.Storage.Postgres;

/// <summary>
/// The indexed columns of an item or occurrence row, derived from the record as the embedded store derives its index
/// fields: open and the organisation's own (<see cref="OpenDue"/>), any status (<see cref="AllDue"/>), awaiting an
/// outside body (<see cref="AwaitDue"/>), open for its owner (<see cref="OwnerDue"/>; no due date sorts last).
/// </summary>
internal sealed record Derived(string OwnerKey, DateOnly? OpenDue, DateOnly? AllDue, DateOnly? AwaitDue, DateOnly? OwnerDue)
{
    public static readonly DateOnly NoDue = new(9999, 12, 31);

    public static string KeyOf(string owner) => owner.Trim().ToLowerInvariant();

    public static Derived Of(TrackedItem owner, bool open, DateOnly? due, DateOnly? allDue) => new(
        KeyOf(owner.Owner),
        open && !owner.OwnerExternal ? due : null,
        allDue,
        open && owner.OwnerExternal ? due ?? NoDue : null,
        open ? due ?? NoDue : null);

    public static Derived ForItem(TrackedItem item)
    {
        var series = item.Series is not null;
        return Of(item, item.IsOpen && !series, item.Due, series ? null : item.Due);
    }

    public static Derived ForOccurrence(TrackedItem series, Occurrence o) => Of(series, series.IsOpen && o.IsOpen, o.Due, o.Due);

    public static Derived Read(NpgsqlDataReader r, int first) => new(
        r.GetString(first), r.NullableDate(first + 1), r.NullableDate(first + 2), r.NullableDate(first + 3), r.NullableDate(first + 4));

    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = "owner_key, open_due, all_due, await_due, owner_due";
}

/// <summary>
/// Changes to the per-day and per-owner counts within one write, applied at its end in key order (so two instances
/// writing at once take the count rows' locks in the same order).
/// </summary>
internal sealed class Deltas
{
    private readonly SortedDictionary<DateOnly, (int Open, int All)> _days = [];
    private readonly SortedDictionary<string, int> _owners = new(StringComparer.Ordinal);

    public void Count(Derived d, int sign)
    {
        if (d.AllDue is { } all)
        {
            var c = _days.GetValueOrDefault(all);
            _days[all] = (c.Open, c.All + sign);
        }

        if (d.OpenDue is { } open)
        {
            var c = _days.GetValueOrDefault(open);
            _days[open] = (c.Open + sign, c.All);
        }

        if (d.OwnerDue is not null)
        {
            _owners[d.OwnerKey] = _owners.GetValueOrDefault(d.OwnerKey) + sign;
        }
    }

    public async Task ApplyAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var days = _days.Where(d => d.Value != (0, 0)).ToList();
        if (days.Count > 0)
        {
            await Pg.ExecAsync(conn, """
                INSERT INTO day_counts (day, open, all_items) SELECT * FROM unnest($1::date[], $2::int[], $3::int[])
                ON CONFLICT (day) DO UPDATE SET open = day_counts.open + excluded.open, all_items = day_counts.all_items + excluded.all_items
                """, ct, days.Select(d => d.Key).ToArray(), days.Select(d => d.Value.Open).ToArray(), days.Select(d => d.Value.All).ToArray());
        }

        var owners = _owners.Where(o => o.Value != 0).ToList();
        if (owners.Count > 0)
        {
            await Pg.ExecAsync(conn, """
                INSERT INTO owner_counts (owner_key, open) SELECT * FROM unnest($1::text[], $2::int[])
                ON CONFLICT (owner_key) DO UPDATE SET open = owner_counts.open + excluded.open
                """, ct, owners.Select(o => o.Key).ToArray(), owners.Select(o => o.Value).ToArray());
        }
    }
}
