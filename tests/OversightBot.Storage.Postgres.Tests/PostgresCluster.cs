using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OversightBot.Storage.Postgres.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: <c>initdb</c> in a temporary folder, started on a free loopback port
/// with its socket in that folder, stopped and deleted when the test process exits. PostgreSQL refuses to run as root,
/// so under root the cluster belongs to the unprivileged <c>postgres</c> account (or <c>nobody</c>) and its programs
/// run through <c>runuser</c>. Nothing is downloaded: the binaries are Debian's (tests/run.sh installs them).
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> SharedCluster = new(() => new PostgresCluster(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _bin;
    private readonly string? _runAs;
    private int _databases;

    private PostgresCluster()
    {
        _bin = FindBinaries();
        _runAs = Environment.UserName == "root" || IsRoot() ? UnprivilegedUser() : null;
        var parent = Path.Combine(Path.GetTempPath(), "oversightbot-pg");
        SweepStopped(parent);
        Folder = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        if (_runAs is not null)
        {
            Run("chown", null, "-R", $"{_runAs}:", Folder);
        }

        Port = FreePort();
        RunPg("initdb", "-D", DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        RunPg("pg_ctl", "-D", DataDir, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB",
            "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public static PostgresCluster Shared => SharedCluster.Value;

    public string Folder { get; }

    public int Port { get; }

    private string DataDir => Path.Combine(Folder, "data");

    public string ConnectionString(string database, string? searchPath = null) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=40;Timeout=30;Command Timeout=120"
        + (searchPath is null ? "" : $";Search Path={searchPath}");

    /// <summary>Creates a new, empty database and returns its name.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        Admin($"CREATE DATABASE {name}");
        return name;
    }

    public void DropDatabase(string name) => Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private void Admin(string sql)
    {
        using var conn = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Deletes clusters of earlier runs that are not running (a test process killed before its clean-up).</summary>
    private static void SweepStopped(string parent)
    {
        foreach (var old in Directory.Exists(parent) ? Directory.GetDirectories(parent) : [])
        {
            if (!File.Exists(Path.Combine(old, "data", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddMinutes(-10))
            {
                TryDelete(old);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private void Stop()
    {
        try
        {
            RunPg("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "stop");
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }

        TryDelete(Folder);
    }

    private void RunPg(string program, params string[] args) => Run(Path.Combine(_bin, program), _runAs, args);

    private static void Run(string program, string? runAs, params string[] args)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within two minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("OVERSIGHTBOT_PG_BIN") is { Length: > 0 } given)
        {
            return given;
        }

        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions
            .Select(v => (Dir: Path.Combine(v, "bin"), Version: int.TryParse(Path.GetFileName(v), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0))
            .Where(v => File.Exists(Path.Combine(v.Dir, "initdb")))
            .OrderByDescending(v => v.Version).Select(v => v.Dir).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run tests/run.sh, which installs Debian's postgresql package.");
    }

    private static bool IsRoot()
    {
        try
        {
            return File.ReadAllLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string UnprivilegedUser() =>
        File.ReadAllLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A database of the shared cluster for one test class (xunit class fixture), dropped afterwards.</summary>
public sealed class PostgresDatabase : IDisposable
{
    private int _schemas;

    public PostgresDatabase()
    {
        Cluster = PostgresCluster.Shared;
        Name = Cluster.CreateDatabase("tests");
    }

    public PostgresCluster Cluster { get; }

    public string Name { get; }

    public string ConnectionString => Cluster.ConnectionString(Name);

    /// <summary>A connection string to a new, empty schema of the class's database: an empty store for one test.</summary>
    public string NewStore()
    {
        var schema = $"s{Interlocked.Increment(ref _schemas)}";
        using (var conn = new NpgsqlConnection(ConnectionString + ";Pooling=false"))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", conn);
            cmd.ExecuteNonQuery();
        }

        return Cluster.ConnectionString(Name, schema);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Cluster.DropDatabase(Name);
    }
}
