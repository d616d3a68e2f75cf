using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;
using OversightBot.Web;

namespace OversightBot.Cli;

/// <summary>
/// Runs a verb through the host that owns the store (see <see cref="AdminEndpoint"/>): the CLI process never opens a
/// file another process holds. While the host is starting or restarting (no admin file yet, or nobody listening),
/// the verb is tried again for up to <see cref="StorageOptions.LockTimeout"/>.
/// </summary>
public static class HostForwarder
{
    /// <summary>Options whose value is a path: made absolute here, since the host runs in another directory.</summary>
    private static readonly string[] PathOptions = ["--db", "--out"];

    public sealed record Outcome(int? ExitCode, string? Refusal);

    /// <summary>
    /// Sends <paramref name="args"/> (verb first) to the host named beside <paramref name="busy"/>'s store. Returns the
    /// verb's exit code, or null with a reason when the host cannot be reached (the caller may try again).
    /// </summary>
    public static async Task<Outcome> TryAsync(StoreInUseException busy, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var files = new StoreFiles(busy.Path);
        AdminFile? admin;
        try
        {
            admin = AdminFile.Read(files);
        }
        catch (UnauthorizedAccessException)
        {
            return new Outcome(null, $"{busy.Message} Its admin file {files.Admin} is readable only by the account that runs it: run this as that account, or stop the host first.");
        }

        if (admin is null || busy.Holder?.Pid is { } pid && pid != admin.Pid)
        {
            return new Outcome(null, $"{busy.Message} It offers no way to run verbs through it (not a host, or still starting).");
        }

        using var http = new HttpClient { BaseAddress = new Uri(admin.Url), Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminEndpoint.Path)
        {
            Content = JsonContent.Create(new AdminEndpoint.Call(Absolute(args, busy.Path))),
        };
        request.Headers.Add(AdminEndpoint.KeyHeader, admin.Key);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return new Outcome(null, $"{busy.Message} The host refused the request ({(int)response.StatusCode}).");
            }

            var answer = await response.Content.ReadFromJsonAsync<AdminEndpoint.Answer>(ct) ?? throw new InvalidDataException("empty answer");
            await output.WriteAsync(answer.Output);
            await error.WriteAsync(answer.Error);
            return new Outcome(answer.ExitCode, null);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return new Outcome(null, $"{busy.Message} Its host does not answer at {admin.Url}.");
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"error: the host at {admin.Url} stopped answering before the verb finished ({ex.Message}); whether it ran is unknown.");
            return new Outcome(ExitCodes.StoreBusy, null);
        }
    }

    /// <summary>Runs <paramref name="run"/>; while the store is held by a host, sends the verb to it instead (and waits out restarts).</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TimeSpan wait, Func<Task<int>> run, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await run();
            }
            catch (StoreInUseException busy) when (args.Count > 0 && AdminEndpoint.Verbs.Contains(args[0]) && StoreAccess.Host is null)
            {
                var outcome = await TryAsync(busy, args, output, error, ct);
                if (outcome.ExitCode is { } code)
                {
                    return code;
                }

                if (waited.Elapsed >= wait)
                {
                    await error.WriteLineAsync($"error: {outcome.Refusal}");
                    return ExitCodes.StoreBusy;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
    }

    private static List<string> Absolute(IReadOnlyList<string> args, string store)
    {
        var result = new List<string>(args.Count + 2);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            var option = PathOptions.FirstOrDefault(o => a == o || a.StartsWith(o + "=", StringComparison.Ordinal));
            if (option is "--db")
            {
                i += a == option ? 1 : 0;
                continue;
            }

            if (option is not null)
            {
                var value = a == option ? (i + 1 < args.Count ? args[++i] : "") : a[(option.Length + 1)..];
                result.Add(option);
                result.Add(value.Length == 0 ? value : Path.GetFullPath(value));
                continue;
            }

            result.Add(a);
        }

        result.Add("--db");
        result.Add(store);
        return result;
    }
}
