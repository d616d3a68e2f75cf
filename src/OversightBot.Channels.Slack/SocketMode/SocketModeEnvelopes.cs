using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OversightBot.Channels.Slack.SocketMode;

/// <summary>
/// One Socket Mode message: <c>hello</c>, <c>disconnect</c>, or an envelope (<c>events_api</c>, <c>slash_commands</c>,
/// <c>interactive</c>) handled by the same code as the HTTP endpoints and acknowledged with its <c>envelope_id</c>
/// (slash commands and modal errors answer in the acknowledgement's <c>payload</c>).
/// </summary>
public sealed class SocketModeEnvelopes(
    ISlackEventQueue events, SlackCommands commands, SlackInteractions interactions, IOptions<SlackOptions> options, ILogger<SocketModeEnvelopes> log)
{
    /// <summary>Handles <paramref name="text"/>; returns how the connection should end, or null to keep reading.</summary>
    public async Task<SocketEnd?> HandleAsync(string text, Func<string, Task> send, CancellationToken ct)
    {
        using var doc = SlackPayloads.ParseObject(Encoding.UTF8.GetBytes(text));
        if (doc is null)
        {
            return null;
        }

        var root = doc.RootElement;
        switch (root.Str("type"))
        {
            case "hello":
                log.LogInformation(SlackLogEvents.SocketModeEnvelopesInformation1, "Slack Socket Mode: connected");
                return null;
            case "disconnect":
                var reason = root.Str("reason");
                log.LogInformation(SlackLogEvents.SocketModeEnvelopesInformation2, "Slack Socket Mode: Slack asked to reconnect ({Reason})", reason);
                return reason == "link_disabled" ? SocketEnd.Disabled : SocketEnd.Reconnect;
        }

        if (root.Str("envelope_id") is not { } envelopeId)
        {
            return null;
        }

        var answer = await AnswerAsync(root, ct);
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (answer is not null)
        {
            ack["payload"] = answer;
        }

        await send(ack.ToJsonString());
        return null;
    }

    private async Task<JsonObject?> AnswerAsync(JsonElement envelope, CancellationToken ct)
    {
        if (!envelope.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        switch (envelope.Str("type"))
        {
            case "events_api":
                if (options.Value.TeamAllowed(payload.Str("team_id")) && !SlackBot.Ignored(payload) && payload.Str("event_id") is { } eventId)
                {
                    await events.EnqueueAsync(eventId, payload.GetRawText(), ct);
                }

                return null;
            case "slash_commands":
                var form = payload.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
                return options.Value.TeamAllowed(form.GetValueOrDefault("team_id"))
                    ? await commands.HandleAsync(form, ct)
                    : new JsonObject { ["response_type"] = "ephemeral", ["text"] = SlackEndpoints.NotAllowedText };
            case "interactive":
                return await interactions.HandleAsync(payload, ct);
            default:
                return null;
        }
    }
}
