using Npgsql;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.Postgres;

/// <summary>
/// The server store: every port on one PostgreSQL database, shared by any number of bot instances. Nothing is cached
/// in the process; the revision answers are cached against is a database sequence, bumped after each committed write,
/// so every instance sees every other instance's changes at its next question.
/// </summary>
public sealed partial class PostgresStore : IBotStore, IOccurrenceStore, IStatisticStore
{
    private const int WriteAttempts = 5;
    private readonly NpgsqlDataSource _data;
    private readonly string _location;

    /// <summary>Opens the database and applies any migrations it lacks; refuses a database newer than this build.</summary>
    public PostgresStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _location = $"{builder.Host}:{builder.Port}/{builder.Database}";
        ConnectionString = connectionString;
        _data = NpgsqlDataSource.Create(builder);
        try
        {
            CreatedSchema = PgSchema.ApplyAsync(_data, CancellationToken.None).GetAwaiter().GetResult() == 0;
        }
        catch
        {
            _data.Dispose();
            throw;
        }
    }

    public static int CurrentSchemaVersion => PgSchema.Current;

    /// <summary>True when opening created the schema (the database had none): the only time demo data may be seeded.</summary>
    public bool CreatedSchema { get; }

    /// <summary>The connection string the store was opened with (the planner lease opens its own connection with it).</summary>
    public string ConnectionString { get; }

    internal NpgsqlDataSource Data => _data;

    /// <inheritdoc cref="IItemStore.Revision"/>
    public long Revision
    {
        get
        {
            using var cmd = _data.CreateCommand("SELECT last_value + CASE WHEN is_called THEN 0 ELSE -1 END FROM store_revision");
            return (long)cmd.ExecuteScalar()!;
        }
    }

    /// <summary>Bumped after a write commits, so a reader that sees the new revision also sees the write.</summary>
    private async Task ChangedAsync(CancellationToken ct) => await Pg.ScalarAsync(_data, "SELECT nextval('store_revision')", ct);

    public async Task<StoreHealth> HealthAsync(CancellationToken ct)
    {
        try
        {
            // A real write (the health row of the leases table) and a real read, as the embedded store's check does.
            await Pg.ExecAsync(_data, """
                INSERT INTO leases (name, holder, until) VALUES ('health', $1, now())
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                """, ct, Environment.MachineName);
            await using var cmd = _data.CreateCommand(
                "SELECT (SELECT coalesce(max(version), 0) FROM schema_version), (SELECT count(*) FROM items), (SELECT count(*) FROM boards), (SELECT count(*) FROM people)");
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            return new StoreHealth(true, "postgres", r.GetInt32(0), (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3), _location, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return new StoreHealth(false, "postgres", 0, 0, 0, 0, _location, ex.Message);
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct) =>
        await Pg.ScalarAsync(_data, "SELECT EXISTS (SELECT 1 FROM items) OR EXISTS (SELECT 1 FROM boards) OR EXISTS (SELECT 1 FROM people)", ct) is false;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, again from the start when PostgreSQL chose it as a deadlock
    /// victim or a serialization failure (another instance wrote the same rows at the same moment).
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var conn = await _data.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            try
            {
                var result = await work(conn);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (PostgresException ex) when (attempt < WriteAttempts && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                await tx.RollbackAsync(ct);
            }
        }
    }

    public void Dispose() => _data.Dispose();
}
