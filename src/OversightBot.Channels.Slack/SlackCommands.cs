using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OversightBot.Channels.Slack.Api;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Slack;

/// <summary>
/// <c>/oversight &lt;question&gt;</c>: answered ephemerally in the HTTP response when the answer is ready within
/// <see cref="SlackOptions.CommandBudget"/>; otherwise answered "working on it" at once and finished through the
/// command's <c>response_url</c>.
/// </summary>
public sealed class SlackCommands(SlackBot bot, SlackPeople people, SlackApiClient api, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackCommands> log)
{
    public const string WorkingText = "Working on it — the answer will appear here in a moment.";
    private readonly SlackOptions _options = options.Value;

    public async Task<JsonObject> HandleAsync(IReadOnlyDictionary<string, string> form, CancellationToken ct)
    {
        var text = form.GetValueOrDefault("text")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            text = "help";
        }

        var work = RunAsync(form, text);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var finished = await Task.WhenAny(work, Task.Delay(_options.CommandBudget, clock, stop.Token));
        await stop.CancelAsync();
        if (finished == work)
        {
            return SlackBot.Ephemeral(await work);
        }

        _ = FinishLaterAsync(work, form.GetValueOrDefault("response_url"));
        return new JsonObject { ["response_type"] = "ephemeral", ["text"] = WorkingText };
    }

    private async Task<Reply> RunAsync(IReadOnlyDictionary<string, string> form, string text)
    {
        var person = await people.ResolveAsync(form.GetValueOrDefault("team_id"), form.GetValueOrDefault("user_id"), null, CancellationToken.None);
        return await bot.AskAsync(person, text, form.GetValueOrDefault("channel_id"), CancellationToken.None);
    }

    private async Task FinishLaterAsync(Task<Reply> work, string? responseUrl)
    {
        try
        {
            var reply = await work;
            if (responseUrl is null)
            {
                return;
            }

            var message = SlackBot.Ephemeral(reply);
            message["replace_original"] = true;
            var sent = await api.RespondAsync(responseUrl, message, CancellationToken.None);
            if (!sent.Ok)
            {
                log.LogWarning(SlackLogEvents.SlackCommandsWarning1, "Slack: a late command answer was not delivered ({Error})", sent.Error);
            }
        }
        catch (Exception ex)
        {
            log.LogError(SlackLogEvents.SlackCommandsError2, ex, "Slack: a slash command failed after it was acknowledged");
        }
    }
}
