using Npgsql;

namespace OversightBot.Storage.Postgres;

/// <summary>
/// The ordered, versioned migrations of the PostgreSQL schema. Every step applied is a row of <c>schema_version</c>;
/// a binary applies the steps a database lacks in one transaction (under an advisory lock, so instances starting
/// together migrate once), and refuses a database with a step newer than it knows.
/// </summary>
internal static class PgSchema
{
    private const long MigrationLock = 0x4F76657273696768; // "Oversigh"

    /// <summary>(version, what it does, SQL). Never edit a released step: add the next one.</summary>
    private static readonly (int Version, string What, string Sql)[] Steps =
    [
        (1, "items, occurrences, history, counts, boards, people, statistics", PgSchemaSql.Tracker),
        (2, "conversation references, outbox, notifications inbox, page states, work queue", PgSchemaSql.Delivery),
        (3, "several instances: leases (planner) and shared throttle holds", PgSchemaSql.Instances),
    ];

    public static int Current => Steps[^1].Version;

    /// <summary>Brings the database to <see cref="Current"/>; returns the version it had before.</summary>
    public static async Task<int> ApplyAsync(NpgsqlDataSource data, CancellationToken ct) => await ApplyAsync(data, Current, ct);

    internal static async Task<int> ApplyAsync(NpgsqlDataSource data, int target, CancellationToken ct)
    {
        await using var conn = await data.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Pg.ExecAsync(conn, "SELECT pg_advisory_xact_lock($1)", ct, MigrationLock);
        await Pg.ExecAsync(conn, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version int PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, ct);
        var had = Convert.ToInt32(await Pg.ScalarAsync(conn, "SELECT coalesce(max(version), 0) FROM schema_version", ct), System.Globalization.CultureInfo.InvariantCulture);
        if (had > Current)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL store has schema version {had}, newer than this build understands ({Current}). Upgrade OversightBot.");
        }

        foreach (var step in Steps.Where(s => s.Version > had && s.Version <= target))
        {
            await Pg.ExecAsync(conn, step.Sql, ct);
            await Pg.ExecAsync(conn, "INSERT INTO schema_version (version, description) VALUES ($1, $2)", ct, step.Version, step.What);
        }

        await tx.CommitAsync(ct);
        return had;
    }

    public static async Task<int> VersionAsync(NpgsqlDataSource data, CancellationToken ct) =>
        Convert.ToInt32(await Pg.ScalarAsync(data, "SELECT coalesce(max(version), 0) FROM schema_version", ct), System.Globalization.CultureInfo.InvariantCulture);
}
