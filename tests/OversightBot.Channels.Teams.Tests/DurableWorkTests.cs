using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OversightBot.Channels.Teams.Tests.Fakes;
using OversightBot.Core.Ports;
using OversightBot.Core.Work;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>A card action past the invoke budget waits in the store's work queue until its card is replaced; a crash means a retry.</summary>
public sealed class DurableWorkTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private TeamsBotHost _bot = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?> { ["Teams:InvokeBudget"] = "00:00:00.100" };
        _bot = await TeamsBotHost.StartAsync(settings, items: store => new SlowItemStore(store, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task SlowCardAction_IsQueuedUntilTheCardIsReplaced_ThenRemoved()
    {
        var data = new JsonObject { ["verb"] = "ask", ["value"] = "what's overdue?" };

        using var res = await _http.PostAsync(_bot.MessagesUrl, new StringContent(Activities.Invoke(_connector.ServiceUrl, data, "card-9").ToJsonString(), Encoding.UTF8, "application/json"));
        var queued = await _bot.Store.GetWorkAsync($"msteams:card-action:{Activities.PersonalConversation}:1700000000001", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.NotNull(queued); // written before the answer
        Assert.Equal(CardActionWorkKind, queued.Kind);
        await _connector.WaitForAsync(r => r.Method == "PUT");
        Assert.True(await GoneAsync(queued.Id), "the finished action stays queued");
    }

    [Fact]
    public async Task QueuedCardAction_LeftByACrash_IsRunAgainByTheWorkerAndReplacesTheCard()
    {
        var item = new WorkItem
        {
            Id = "msteams:card-action:left-by-a-crash",
            Kind = CardActionWorkKind,
            Payload = $$"""{"serviceUrl":"{{_connector.ServiceUrl}}","conversationId":"{{Activities.PersonalConversation}}","replyToId":"card-7","command":"what's overdue?"}""",
            ReadyAt = TimeProvider.System.GetUtcNow().AddSeconds(-1), // its lease ended with the process that took it
            Attempts = 1,
        };
        await _bot.Store.EnqueueWorkAsync(item, CancellationToken.None);

        var ran = await Runner().RunReadyAsync(CancellationToken.None);

        Assert.Equal(1, ran);
        var put = await _connector.WaitForAsync(r => r.Method == "PUT" && r.RawTarget.EndsWith("/activities/card-7", StringComparison.Ordinal));
        Assert.Equal("application/vnd.microsoft.card.adaptive", put.Json!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Null(await _bot.Store.GetWorkAsync(item.Id, CancellationToken.None));
    }

    [Fact]
    public async Task QueuedCardAction_ThatCannotBeDelivered_StaysQueuedWithItsErrorForALaterTry()
    {
        _connector.Answer(r => r.Method == "PUT", 503);
        var item = new WorkItem
        {
            Id = "msteams:card-action:connector-down",
            Kind = CardActionWorkKind,
            Payload = $$"""{"serviceUrl":"{{_connector.ServiceUrl}}","conversationId":"c-down","replyToId":"card-8","command":"help"}""",
            ReadyAt = TimeProvider.System.GetUtcNow().AddSeconds(-1),
        };
        await _bot.Store.EnqueueWorkAsync(item, CancellationToken.None);

        await Runner().RunReadyAsync(CancellationToken.None);

        var after = await _bot.Store.GetWorkAsync(item.Id, CancellationToken.None);
        Assert.NotNull(after);
        Assert.False(after.Dead);
        Assert.Equal(1, after.Attempts);
        Assert.Contains("503", after.LastError, StringComparison.Ordinal);
        Assert.True(after.ReadyAt > TimeProvider.System.GetUtcNow());
    }

    private const string CardActionWorkKind = CardActionWork.WorkKind;

    private WorkRunner Runner() => new(_bot.Store, _bot.Services.GetServices<IWorkHandler>(), TimeProvider.System);

    private async Task<bool> GoneAsync(string id)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await _bot.Store.GetWorkAsync(id, CancellationToken.None) is null)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }
}
