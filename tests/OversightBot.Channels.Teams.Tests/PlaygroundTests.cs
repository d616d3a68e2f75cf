using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OversightBot.Channels.Teams.Tests.Fakes;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;
using OversightBot.Testing;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>
/// Microsoft 365 Agents Playground (a real local Teams client, headless, auth off) against the bot in development
/// mode: install, ask, press a card button, and receive a proactive message sent through <see cref="TeamsSender"/>.
/// </summary>
public sealed class PlaygroundTests : IAsyncLifetime
{
    private const string PlaygroundUser = "alexw@example.com";
    private readonly TempFolder _folder = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private TeamsBotHost? _bot;
    private Process? _playground;
    private Uri _playgroundUrl = null!;

    public async Task InitializeAsync()
    {
        if (!NodePeers.Installed)
        {
            return;
        }

        _bot = await TeamsBotHost.StartAsync(new Dictionary<string, string?>());
        await _bot.Store.UpsertPersonAsync(new Person { Email = PlaygroundUser, Name = "Alex Wilber", Role = Role.Clerk }, CancellationToken.None);
        var port = Loopback.FreePort();
        _playground = NodePeers.StartIn(
            _folder.Path,
            "node_modules/@microsoft/m365agentsplayground/cli.js",
            new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none" },
            "-e", _bot.MessagesUrl.ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry");
        _ = _playground.StandardOutput.ReadToEndAsync();
        _ = _playground.StandardError.ReadToEndAsync();
        _playgroundUrl = new Uri($"http://localhost:{port}/");
        // Node starts the playground in a second or two; a busy machine may take much longer.
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await _http.GetAsync(new Uri(_playgroundUrl, "_debug/ping"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The Agents Playground did not start.");
    }

    [PeerFact]
    public async Task Install_ask_press_a_button_and_receive_a_proactive_message_in_the_playground()
    {
        var config = (await _http.GetFromJsonAsync<JsonObject>(new Uri(_playgroundUrl, "_internal/v1/config")))!["config"]!;
        var conversation = config["personalChat"]!["id"]!.GetValue<string>();
        var user = config["currentUser"]!["id"]!.GetValue<string>();

        // Install: the bot is added, says what it can do, and remembers the conversation for this person.
        (await _http.PostAsJsonAsync(new Uri(_playgroundUrl, $"_debug/conversation/{conversation}/installation"), new { })).EnsureSuccessStatusCode();
        await WaitForLogAsync("What I can do");
        var reference = await WaitForAsync(() => _bot!.Store.FindReferenceByEmailAsync("msteams", PlaygroundUser, CancellationToken.None));
        Assert.Equal(conversation, TeamsAddress.From(reference)!.ConversationId);

        // Ask.
        var message = new { from = new { id = user }, text = "what's overdue?", textFormat = "plain" };
        (await _http.PostAsJsonAsync(new Uri(_playgroundUrl, $"_conversation/v1/conversations/{conversation}/messages"), message)).EnsureSuccessStatusCode();
        var card = await WaitForLogAsync("overdue\",\"wrap\"");

        // Press the card's first button (Action.Execute): the replacement card comes back in the invoke response.
        var button = card["attachments"]![0]!["content"]!["actions"]![0]!;
        Assert.Equal("Action.Execute", button["type"]!.GetValue<string>());
        var invoke = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = button["verb"]!.DeepClone(), ["data"] = button["data"]!.DeepClone() },
                ["trigger"] = "manual",
            },
            ["from"] = new JsonObject { ["id"] = user },
            ["conversation"] = new JsonObject { ["id"] = conversation },
            ["replyToId"] = card["messageId"]!.GetValue<string>(),
        };
        using var pressed = await _http.PostAsJsonAsync(new Uri(_playgroundUrl, "_conversation/v1/invoke"), invoke);
        var body = await pressed.Content.ReadAsStringAsync();
        Assert.True(pressed.IsSuccessStatusCode, body);
        Assert.Contains("application/vnd.microsoft.card.adaptive", body, StringComparison.Ordinal);
        Assert.Contains("\"AdaptiveCard\"", body, StringComparison.Ordinal);

        // A proactive message through the Teams sender, as the outbox dispatcher will send nudges.
        var sender = _bot!.Services.GetRequiredService<TeamsSender>();
        var person = (await _bot.Store.GetPersonAsync(PlaygroundUser, CancellationToken.None))!;
        var nudge = new Reply { Intent = "nudge", Heading = "Proactive nudge from the playground test", Text = "R-1 is due on Friday." };
        Assert.True(await sender.CanReachAsync(person, CancellationToken.None));
        var outcome = await sender.SendAsync(person, nudge, "nudge:playground", CancellationToken.None);
        Assert.Equal(SendOutcomeKind.Delivered, outcome.Kind);
        await WaitForLogAsync("Proactive nudge from the playground test");
    }

    /// <summary>Waits for the playground to show a bot message containing <paramref name="text"/>; returns that message.</summary>
    private async Task<JsonNode> WaitForLogAsync(string text)
    {
        var log = Path.Combine(_folder.Path, "devTools", "m365agentsplayground.log");
        for (var i = 0; i < 100; i++)
        {
            if (File.Exists(log))
            {
                await using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                var content = await reader.ReadToEndAsync();
                var line = content.Split('\n').FirstOrDefault(l => l.Contains("\"createMessage\"", StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal));
                if (line is not null)
                {
                    return JsonNode.Parse(line[line.IndexOf('{', StringComparison.Ordinal)..])!["message"]!;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The playground showed no message containing {text}.");
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The condition was not met in time.");
    }

    public async Task DisposeAsync()
    {
        if (_playground is { HasExited: false })
        {
            _playground.Kill(entireProcessTree: true);
            await _playground.WaitForExitAsync();
        }

        _playground?.Dispose();
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        _http.Dispose();
        _folder.Dispose();
    }
}
