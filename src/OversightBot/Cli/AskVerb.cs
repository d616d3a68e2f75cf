using System.CommandLine;
using System.Text.Json;
using OversightBot.Core.Conversation;
using OversightBot.Core.Replies;
using OversightBot.Hosting;

namespace OversightBot.Cli;

/// <summary><c>ask "QUESTION" [--as-of YYYY-MM-DD] [--as EMAIL] [--json] [--db PATH]</c>: one answer from the store.</summary>
public static class AskVerb
{
    public static Command Create(CliContext cli)
    {
        var question = CliOptions.Words("question", "the question, e.g. \"what's overdue?\"");
        var asOf = CliOptions.Date("--as-of", "answer as if today (Europe/London) were that date");
        var asker = new Option<string?>("--as") { Description = "ask as that person (unknown people are read-only)", HelpName = "EMAIL" };
        var json = CliOptions.Json("print the channel-neutral reply model as JSON instead of text");
        var command = new Command("ask", "answer one question") { question, asOf, asker, json };
        command.SetAction((r, ct) => RunAsync(
            string.Join(' ', r.GetValue(question) ?? []), r.GetValue(asOf), r.GetValue(asker), r.GetValue(json), cli.Storage(r), cli.Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(string text, DateOnly? asOf, string? asEmail, bool json, StorageOptions storage, TextWriter output, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException("ask needs a question, e.g. ask \"what's overdue?\".");
        }

        using var runtime = await BotRuntime.OpenAsync(storage, TimeProvider.System, ct);
        var asker = await Identity.ResolveAsync(runtime.People, asEmail, ct);
        var reply = await runtime.Conversation.HandleAsync(
            new InboundMessage { Channel = "terminal", Text = text, Asker = asker.Person, AsOf = asOf }, ct);

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(reply, ReplyJson.Indented));
        }
        else
        {
            if (asker.Warning is not null)
            {
                await output.WriteLineAsync(asker.Warning);
            }

            await output.WriteLineAsync(PlainTextRenderer.Render(reply));
        }

        return ExitCodes.Ok;
    }
}
