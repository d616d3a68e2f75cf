using System.CommandLine;
using System.Text.Json;
using OversightBot.Core.Conversation;
using OversightBot.Core.Replies;
using OversightBot.Hosting;

namespace OversightBot.Cli;

/// <summary><c>ask "QUESTION" [--as-of YYYY-MM-DD] [--as EMAIL] [--all] [--json] [--db PATH]</c>: one answer from the store.</summary>
public static class AskVerb
{
    /// <summary>--all stops after this many pages (10,000 items at ten a page).</summary>
    public const int MaxPages = 1_000;

    public static Command Create(CliContext cli)
    {
        var question = CliOptions.Words("question", "the question, e.g. \"what's overdue?\"");
        var asOf = CliOptions.Date("--as-of", "answer as if today (Europe/London) were that date");
        var asker = new Option<string?>("--as") { Description = "ask as that person (unknown people are read-only)", HelpName = "EMAIL" };
        var json = CliOptions.Json("print the channel-neutral reply model as JSON instead of text");
        var all = new Option<bool>("--all") { Description = "print every page of a long list (with --json: an array of replies)" };
        var command = new Command("ask", "answer one question (\"more\" continues the last long list)") { question, asOf, asker, all, json };
        command.SetAction((r, ct) => RunAsync(
            string.Join(' ', r.GetValue(question) ?? []), r.GetValue(asOf), r.GetValue(asker), r.GetValue(json), cli.Storage(r), cli.Console.Out, ct, r.GetValue(all)));
        return command;
    }

    public static async Task<int> RunAsync(string text, DateOnly? asOf, string? asEmail, bool json, StorageOptions storage, TextWriter output, CancellationToken ct, bool all = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException("ask needs a question, e.g. ask \"what's overdue?\".");
        }

        using var runtime = await BotRuntime.OpenAsync(storage, TimeProvider.System, ct);
        var asker = await Identity.ResolveAsync(runtime.People, asEmail, ct);
        var message = new InboundMessage { Channel = "terminal", Text = text, Asker = asker.Person, AsOf = asOf };
        var replies = all
            ? await runtime.Conversation.HandleAllPagesAsync(message, MaxPages, ct)
            : [await runtime.Conversation.HandleAsync(message, ct)];

        if (json)
        {
            await output.WriteLineAsync(all ? JsonSerializer.Serialize(replies, ReplyJson.Indented) : JsonSerializer.Serialize(replies[0], ReplyJson.Indented));
        }
        else
        {
            if (asker.Warning is not null)
            {
                await output.WriteLineAsync(asker.Warning);
            }

            await output.WriteLineAsync(string.Join(Environment.NewLine + Environment.NewLine, replies.Select(PlainTextRenderer.Render)));
        }

        return ExitCodes.Ok;
    }
}
