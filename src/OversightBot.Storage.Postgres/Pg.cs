using Npgsql;
using NpgsqlTypes;

namespace OversightBot.Storage.Postgres;

/// <summary>Small helpers over Npgsql: positional parameters ($1, $2, …), nulls as DBNull, jsonb documents.</summary>
internal static class Pg
{
    /// <summary>A jsonb parameter value.</summary>
    public sealed record Json(string Text);

    public static NpgsqlCommand Command(NpgsqlConnection conn, string sql, params object?[] args)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        AddArgs(cmd.Parameters, args);
        return cmd;
    }

    public static NpgsqlCommand Command(NpgsqlDataSource data, string sql, params object?[] args)
    {
        var cmd = data.CreateCommand(sql);
        AddArgs(cmd.Parameters, args);
        return cmd;
    }

    public static NpgsqlBatchCommand BatchCommand(string sql, params object?[] args)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        AddArgs(cmd.Parameters, args);
        return cmd;
    }

    /// <summary>
    /// Adds the arguments as positional parameters. A typed array passed alone (a <c>string[]</c> for <c>= ANY($1)</c>)
    /// arrives here as the params array itself; it is one argument.
    /// </summary>
    private static void AddArgs(NpgsqlParameterCollection parameters, object?[] args)
    {
        object?[] list = args.GetType() == typeof(object[]) ? args : [args];
        foreach (var arg in list)
        {
            parameters.Add(arg switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value },
                Json j => new NpgsqlParameter { Value = j.Text, NpgsqlDbType = NpgsqlDbType.Jsonb },
                DateTimeOffset t => new NpgsqlParameter { Value = t.ToUniversalTime() },
                _ => new NpgsqlParameter { Value = arg },
            });
        }
    }

    public static async Task<int> ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(conn, sql, args);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<int> ExecAsync(NpgsqlDataSource data, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(data, sql, args);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(conn, sql, args);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    public static async Task<object?> ScalarAsync(NpgsqlDataSource data, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(data, sql, args);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    /// <summary>Reads every row with <paramref name="map"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlCommand cmd, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        var list = new List<T>();
        await using (cmd)
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                list.Add(map(reader));
            }
        }

        return list;
    }

    public static string? NullableString(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static DateOnly? NullableDate(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    public static DateTimeOffset Instant(this NpgsqlDataReader r, int i) => new(r.GetFieldValue<DateTime>(i), TimeSpan.Zero);

    public static DateTimeOffset? NullableInstant(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.Instant(i);
}
