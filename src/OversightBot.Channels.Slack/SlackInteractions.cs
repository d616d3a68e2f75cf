using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OversightBot.Channels.Slack.Api;
using OversightBot.Channels.Slack.BlockKit;
using OversightBot.Core.Domain;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Slack;

/// <summary>
/// Button presses and modal submissions. A button that needs input opens a modal; any other press, and a submitted
/// modal, runs its command as the person who pressed it (so exactly the permissions of typing it) and then
/// replaces the original message with the answer.
/// </summary>
public sealed class SlackInteractions(SlackBot bot, SlackPeople people, SlackApiClient api, ILogger<SlackInteractions> log)
{
    /// <summary>Handles one interaction payload; returns the body to answer Slack with (null = empty 200).</summary>
    public async Task<JsonObject?> HandleAsync(JsonElement payload, CancellationToken ct)
    {
        switch (payload.Str("type"))
        {
            case "block_actions":
                await OnButtonAsync(payload, ct);
                return null;
            case "view_submission":
                return await OnSubmissionAsync(payload, ct);
            default:
                return null;
        }
    }

    private async Task OnButtonAsync(JsonElement payload, CancellationToken ct)
    {
        if (!payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0
            || SlackActions.Read(actions[0].Str("value")) is not { } pressed)
        {
            return;
        }

        var channel = payload.Str("container", "channel_id") ?? payload.Str("channel", "id");
        var ts = payload.Str("container", "message_ts") ?? payload.Str("message", "ts");
        if (pressed.NeedsForm)
        {
            var title = actions[0].Obj("text")?.Str("text") ?? "OversightBot";
            var opened = await api.OpenViewAsync(payload.Str("trigger_id") ?? "", SlackForms.Modal(pressed, title, channel, ts), ct);
            if (!opened.Ok)
            {
                log.LogWarning(SlackLogEvents.SlackInteractionsWarning1, "Slack: a form did not open ({Error})", opened.Error);
            }

            return;
        }

        var person = await Who(payload, ct);
        var reply = await bot.AskAsync(person, pressed.Command, channel, ct);
        await AnswerAsync(pressed.Verb == SlackActions.AskVerb ? null : ts, channel, payload.Str("user", "id"), reply, ct);
    }

    private async Task<JsonObject?> OnSubmissionAsync(JsonElement payload, CancellationToken ct)
    {
        if (payload.Obj("view") is not { } view || SlackForms.Read(view) is not { } submitted)
        {
            return null;
        }

        var needs = ActionCommand.NeedsOf(submitted.Template);
        var filled = ActionCommand.Fill(submitted.Template, needs, id => submitted.Values.GetValueOrDefault(id));
        if (filled.Command is not { } command)
        {
            var missing = needs.FirstOrDefault(n => n.Label == filled.Missing) ?? needs[0];
            return SlackForms.Errors(missing.Id, $"Please fill in \"{missing.Label}\".");
        }

        var person = await Who(payload, ct);
        var reply = await bot.AskAsync(person, command, submitted.Channel, ct);
        await AnswerAsync(submitted.MessageTs, submitted.Channel, payload.Str("user", "id"), reply, ct);
        return null;
    }

    private Task<Person?> Who(JsonElement payload, CancellationToken ct) =>
        people.ResolveAsync(payload.Str("team", "id") ?? payload.Str("user", "team_id"), payload.Str("user", "id"), null, ct);

    /// <summary>
    /// Replaces the pressed message with the answer when there is one, else posts the answer where the press
    /// happened; a refusal goes only to the person who pressed, and the message stays as it was.
    /// </summary>
    private async Task AnswerAsync(string? ts, string? channel, string? userId, Reply reply, CancellationToken ct)
    {
        if (channel is null)
        {
            return;
        }

        if (reply.IsError && userId is not null)
        {
            var refusal = BlockKitRenderer.Render(reply);
            refusal["channel"] = channel;
            refusal["user"] = userId;
            await api.PostEphemeralAsync(refusal, ct);
            return;
        }

        if (ts is not null)
        {
            await bot.UpdateMessageAsync(channel, ts, reply, ct);
            return;
        }

        var message = BlockKitRenderer.Render(reply);
        message["channel"] = channel;
        await api.PostMessageAsync(message, ct);
    }
}
