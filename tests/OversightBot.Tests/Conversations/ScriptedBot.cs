using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Replies;
using OversightBot.Hosting;
using OversightBot.Testing;

namespace OversightBot.Tests.Conversations;

/// <summary>
/// A conversation against a real LiteDB file seeded with the demo data:
/// <c>(await bot.As(Clerk).Says("mark R-3 done")).Replies("R-3 updated")</c>.
/// </summary>
public sealed class ScriptedBot : IAsyncDisposable
{
    public const string Officer = "olivia.officer@example.org";
    public const string Clerk = "colin.clerk@example.org";
    public const string Manager = "maya.manager@example.org";
    public const string Admin = "adam.admin@example.org";
    public const string OtherOfficer = "fred.finance@example.org";

    private readonly TempFolder _folder;
    private readonly BotRuntime _runtime;

    private ScriptedBot(TempFolder folder, BotRuntime runtime, DateOnly today)
    {
        _folder = folder;
        _runtime = runtime;
        Today = today;
    }

    public DateOnly Today { get; set; }

    public BotRuntime Runtime => _runtime;

    public static async Task<ScriptedBot> StartAsync(DateOnly today)
    {
        var folder = new TempFolder();
        var runtime = await BotRuntime.OpenAsync(new StorageOptions { Path = folder.File("conversation.db") }, TimeProvider.System, CancellationToken.None);
        return new ScriptedBot(folder, runtime, today);
    }

    public Speaker As(string? email) => new(this, email);

    public Speaker Anonymous => new(this, null);

    public Task<TrackedItem?> ItemAsync(string id) => _runtime.Items.GetAsync(id, CancellationToken.None);

    public Task<Person?> PersonAsync(string email) => _runtime.People.GetPersonAsync(email, CancellationToken.None);

    internal async Task<Said> SayAsync(string? email, string text, string conversation)
    {
        var person = email is null ? null : await _runtime.People.GetPersonAsync(email, CancellationToken.None)
            ?? throw new InvalidOperationException($"No demo person {email}");
        var reply = await _runtime.Conversation.HandleAsync(
            new InboundMessage { Channel = "test", Text = text, Asker = person, AsOf = Today, ConversationId = conversation }, CancellationToken.None);
        return new Said(text, reply);
    }

    public async ValueTask DisposeAsync()
    {
        _runtime.Dispose();
        _folder.Dispose();
        await Task.CompletedTask;
    }

    public sealed class Speaker(ScriptedBot bot, string? email)
    {
        public Task<Said> Says(string text, string conversation = "c1") => bot.SayAsync(email, text, conversation);
    }
}

/// <summary>What the bot answered, with assertions that read as the script.</summary>
public sealed record Said(string Text, Reply Reply)
{
    public string Rendered => PlainTextRenderer.Render(Reply);

    public Said Intent(string name)
    {
        Assert.True(name == Reply.Intent, $"\"{Text}\" was understood as '{Reply.Intent}', expected '{name}'. Reply: {Reply.Text}");
        return this;
    }

    public Said Replies(params string[] fragments)
    {
        foreach (var f in fragments)
        {
            Assert.True(Rendered.Contains(f, StringComparison.OrdinalIgnoreCase), $"Reply to \"{Text}\" lacks \"{f}\":\n{Rendered}");
        }

        return this;
    }

    public Said DoesNotSay(params string[] fragments)
    {
        foreach (var f in fragments)
        {
            Assert.False(Rendered.Contains(f, StringComparison.OrdinalIgnoreCase), $"Reply to \"{Text}\" should not contain \"{f}\":\n{Rendered}");
        }

        return this;
    }

    public Said Refuses(string why)
    {
        Assert.True(Reply.IsError, $"\"{Text}\" should have been refused; reply: {Reply.Text}");
        return Replies(why);
    }

    public Said Accepted()
    {
        Assert.False(Reply.IsError, $"\"{Text}\" was refused: {Reply.Text}");
        return this;
    }

    public Said Lists(params string[] ids)
    {
        Assert.Equal(ids, Reply.Items.Select(i => i.Id));
        return this;
    }

    public Said Total(int total)
    {
        Assert.Equal(total, Reply.Total);
        return this;
    }
}
