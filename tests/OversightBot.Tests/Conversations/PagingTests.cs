using OversightBot.Core.Conversation;
using OversightBot.Hosting;
using OversightBot.Testing;

namespace OversightBot.Tests.Conversations;

/// <summary>"more": kept in the store per channel, conversation and asker; never fails when the list has changed.</summary>
public sealed class PagingTests : IAsyncLifetime
{
    private ScriptedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await ScriptedBot.StartAsync(Some.Date(2024, 6, 1));

    [Fact]
    public async Task More_AfterTheListShrankBelowTheNextPage_SaysSoInsteadOfFailing()
    {
        (await _bot.Anonymous.Says("what's overdue?")).Replies("showing 1–10");
        (await _bot.Anonymous.Says("more")).Replies("showing 11–20");
        _bot.Today = Some.Date(2023, 2, 7); // far fewer items were overdue then

        var said = await _bot.Anonymous.Says("more");

        said.Accepted().Replies("That was everything", "has changed");
        (await _bot.Anonymous.Says("more")).Replies("nothing more");
    }

    [Fact]
    public async Task More_AfterTheListShrank_ShowsTheCurrentNextPage()
    {
        (await _bot.Anonymous.Says("what's overdue?")).Replies("showing 1–10");
        _bot.Today = Some.Date(2023, 6, 1);
        var total = (await _bot.Anonymous.Says("what's overdue?", conversation: "count")).Reply.Total;
        Assert.InRange(total, 11, 1000);

        var said = await _bot.Anonymous.Says("more");

        said.Intent("overdue").Total(total).Replies("showing 11–");
    }

    [Fact]
    public async Task More_IsKeptPerAsker()
    {
        (await _bot.As(ScriptedBot.Officer).Says("what's overdue?")).Replies("showing 1–10");

        (await _bot.As(ScriptedBot.Clerk).Says("more")).Replies("nothing more");
        (await _bot.As(ScriptedBot.Officer).Says("more")).Replies("showing 11–20");
    }

    [Fact]
    public async Task More_ContinuesInAnotherProcessOnTheSameStore()
    {
        using var folder = new TempFolder();
        var options = new StorageOptions { Path = folder.File("paging.db") };
        var first = new InboundMessage { Channel = "terminal", Text = "what's overdue?", AsOf = Some.Date(2024, 6, 1) };
        using (var one = await BotRuntime.OpenAsync(options, TimeProvider.System, CancellationToken.None))
        {
            Assert.Equal(10, (await one.Conversation.HandleAsync(first, CancellationToken.None)).NextOffset);
        }

        using var two = await BotRuntime.OpenAsync(options, TimeProvider.System, CancellationToken.None);
        var more = await two.Conversation.HandleAsync(first with { Text = "more" }, CancellationToken.None);

        Assert.Equal("overdue", more.Intent);
        Assert.Contains("showing 11–20", more.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllPages_ListEveryItemOnce()
    {
        var message = new InboundMessage { Channel = "terminal", Text = "what's overdue?", AsOf = Some.Date(2024, 6, 1), ConversationId = "all" };

        var replies = await _bot.Runtime.Conversation.HandleAllPagesAsync(message, 1000, CancellationToken.None);

        // A line is an item, or one occurrence of a recurring series: the series' id with that occurrence's own date.
        var lines = replies.SelectMany(r => r.Items).Select(i => $"{i.Id} {i.Due:yyyy-MM-dd}").ToList();
        Assert.Equal(replies[0].Total, lines.Count);
        Assert.Equal(lines.Count, lines.Distinct().Count());
        Assert.Contains("S-3 2023-04-30", lines);
        Assert.Contains("S-3 2024-05-31", lines);
        Assert.Null(replies[^1].NextOffset);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();
}
