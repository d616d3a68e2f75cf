using System.Collections.Concurrent;
using System.Diagnostics;

namespace OversightBot.Tests.Edge;

/// <summary>A seeded fuzz run over every endpoint of one host: no request may get a 5xx, and the host stays healthy.</summary>
public sealed class FuzzTests(EdgeHost host) : IClassFixture<EdgeHost>
{
    private const int Requests = 20_000;
    private const int Seed = 20_261_202;
    private const int Workers = 4;

    [Fact]
    public async Task Fuzz_TwentyThousandRequests_NoneGetsA5xx()
    {
        var fuzz = new EdgeFuzz(Seed);
        var requests = Enumerable.Range(0, Requests).Select(_ => fuzz.Next()).ToList();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var next = -1;
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests.Count)
            {
                var status = await SendAsync(requests[i]);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status >= 500 || status == 0)
                {
                    failures.Enqueue($"#{i} {requests[i].Method} {requests[i].Path} -> {status}: {Show(requests[i].Body)}");
                }
            }
        })));

        using var health = await host.Http.GetAsync("/health");
        var summary = string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {Requests} failed (seed {Seed}, {watch.Elapsed.TotalSeconds:F1} s; {summary}):\n{string.Join("\n", failures.Take(15))}");
        Assert.Equal(200, (int)health.StatusCode);
        Assert.True(statuses.Keys.Count(s => s is >= 400 and < 500) >= 3, summary); // the run did reach the validators
    }

    private async Task<int> SendAsync(EdgeFuzz.Request request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new("application/json");
        }

        try
        {
            using var res = await host.Http.SendAsync(message);
            return (int)res.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static string Show(byte[]? body)
    {
        if (body is null)
        {
            return "";
        }

        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
