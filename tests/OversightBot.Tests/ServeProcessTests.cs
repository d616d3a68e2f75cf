using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OversightBot.Testing;

namespace OversightBot.Tests;

/// <summary><c>serve</c> as a separate process started from an unrelated directory.</summary>
public sealed partial class ServeProcessTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Serve_FromAnyDirectory_ServesThePageHealthAndChat()
    {
        using var process = Process.Start(BotProcess.StartInfo(_folder.Path, "serve", "--urls", "http://127.0.0.1:0", "--db", _folder.File("serve.db")))!;
        try
        {
            var address = await ListeningAddressAsync(process);
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            var page = await http.GetStringAsync("/");
            var health = await http.GetFromJsonAsync<JsonElement>("/health");
            var chat = await http.PostAsJsonAsync("/api/chat", new { text = "what's overdue?", asOf = "2023-03-01" });

            Assert.Contains("<title>OversightBot", page, StringComparison.Ordinal);
            Assert.Equal("ok", health.GetProperty("status").GetString());
            Assert.Contains("\"intent\":\"overdue\"", await chat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(File.Exists(_folder.File("serve.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<string> ListeningAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var m = Listening().Match(line);
            if (m.Success)
            {
                return m.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("The host exited before listening: " + await process.StandardError.ReadToEndAsync(timeout.Token));
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    public void Dispose() => _folder.Dispose();
}
