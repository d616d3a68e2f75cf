using System.Text.Json;
using OversightBot.Core.Conversation;
using OversightBot.Core.Replies;
using OversightBot.Hosting;

namespace OversightBot.Cli;

/// <summary><c>ask "QUESTION" [--as-of YYYY-MM-DD] [--as EMAIL] [--json] [--db PATH]</c>: one answer from the store.</summary>
public static class AskVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> rawArgs, TextWriter output, CancellationToken ct)
    {
        var args = new CliArgs(rawArgs, ["--json"]);
        args.AllowOnly("--as-of", "--as", "--json", "--db");
        if (args.Positional.Count == 0 || string.IsNullOrWhiteSpace(string.Join(' ', args.Positional)))
        {
            throw new UsageException("ask needs a question, e.g. ask \"what's overdue?\".");
        }

        var text = string.Join(' ', args.Positional);
        var asOf = args.GetDate("--as-of");
        using var runtime = await BotRuntime.OpenAsync(CommandLine.Storage(args), TimeProvider.System, ct);
        var asker = await Identity.ResolveAsync(runtime.People, args.Get("--as"), ct);
        var reply = await runtime.Conversation.HandleAsync(
            new InboundMessage { Channel = "terminal", Text = text, Asker = asker.Person, AsOf = asOf }, ct);

        if (args.Has("--json"))
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

        return 0;
    }
}
