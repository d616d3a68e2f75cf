using Npgsql;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.Postgres;

/// <summary>
/// The planner lease on PostgreSQL: a session advisory lock held on a connection of its own (never pooled), plus a
/// <c>leases</c> row the holder renews each tick (who plans, until when: for operators and <c>/health</c>). When the
/// holder dies its session ends and the lock is free at once; the next instance to tick takes it. A holder that loses
/// its connection stops planning at its next tick. The server's TCP keepalive settings bound how long a silently
/// vanished host's session lingers (see docs/SCALE.md).
/// </summary>
public sealed class PlannerLease : IPlannerLease, IDisposable
{
    private const int LockClass = 0x4F42; // "OB"
    private const int PlannerLock = 1;
    private readonly NpgsqlDataSource _data;
    private readonly TimeSpan _period;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _held;

    public PlannerLease(string connectionString, string holder, TimeSpan period)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 };
        _data = NpgsqlDataSource.Create(builder);
        Holder = holder;
        _period = period;
    }

    public string Holder { get; }

    public bool IsPlanner => Volatile.Read(ref _held) is not null;

    public bool Shared => true;

    public async Task<bool> HoldAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_held is { } conn)
            {
                if (await RenewAsync(conn, ct))
                {
                    return true;
                }

                await DropAsync();
            }

            var fresh = await _data.OpenConnectionAsync(ct);
            if (await Pg.ScalarAsync(fresh, "SELECT pg_try_advisory_lock($1, $2)", ct, LockClass, PlannerLock) is true && await RenewAsync(fresh, ct))
            {
                Volatile.Write(ref _held, fresh);
                return true;
            }

            await fresh.DisposeAsync();
            return false;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            await DropAsync();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Who holds the lease and until when, as the database says (any instance may ask).</summary>
    public async Task<(string Holder, DateTimeOffset Until)?> CurrentAsync(CancellationToken ct)
    {
        await using var conn = await _data.OpenConnectionAsync(ct);
        var rows = await Pg.ListAsync(Pg.Command(conn, "SELECT holder, until FROM leases WHERE name = 'planner'"), r => (r.GetString(0), r.Instant(1)), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<bool> RenewAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        try
        {
            await Pg.ExecAsync(conn, """
                INSERT INTO leases (name, holder, until) VALUES ('planner', $1, now() + $2)
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                """, ct, Holder, _period);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    private async Task DropAsync()
    {
        if (Interlocked.Exchange(ref _held, null) is { } conn)
        {
            await conn.DisposeAsync();
        }
    }

    public void Dispose()
    {
        DropAsync().GetAwaiter().GetResult();
        _data.Dispose();
        _gate.Dispose();
    }
}
