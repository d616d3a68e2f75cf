using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OversightBot.Tests;

/// <summary>The built OversightBot executable running <c>serve</c> on a loopback port, killable like a real crash.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }
    public HttpClient Http { get; }

    /// <summary>What the host wrote to stdout and stderr so far.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    private void Log(string? line)
    {
        if (line is not null)
        {
            Output.Enqueue(line);
        }
    }

    public static async Task<HostProcess> StartAsync(string db, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "OversightBot.dll");
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "OversightBot.exe" : "OversightBot");
        var psi = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { ArgumentList = { dll } };
        foreach (var a in new[] { "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetDirectoryName(db)!;
        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        var process = Process.Start(psi)!;
        var host = new HostProcess(process, port);
        process.OutputDataReceived += (_, e) => host.Log(e.Data);
        process.ErrorDataReceived += (_, e) => host.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                using var res = await host.Http.GetAsync(new Uri("/health", UriKind.Relative), ct);
                if (res.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode}.");
            }

            await Task.Delay(100, ct);
        }

        host.Dispose();
        throw new TimeoutException("The host did not answer /health within 90 s.");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Http.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
