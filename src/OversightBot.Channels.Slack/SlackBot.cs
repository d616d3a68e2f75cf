using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OversightBot.Channels.Slack.Api;
using OversightBot.Channels.Slack.BlockKit;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Slack;

/// <summary>
/// Slack events after they were acknowledged: mentions (answered in the thread), direct messages, and the Home
/// tab. Every question goes through the same <see cref="ConversationService"/> as every other channel.
/// </summary>
public sealed class SlackBot(ConversationService conversation, SlackPeople people, SlackApiClient api, SlackHome home, ILogger<SlackBot> log)
{
    public const string ChannelName = SlackAddress.ChannelName;

    /// <summary>True for events the bot must not answer: its own or other bots' messages, and edits, joins, unfurls….</summary>
    public static bool Ignored(JsonElement callback)
    {
        if (callback.Obj("event") is not { } ev)
        {
            return true;
        }

        var type = ev.Str("type");
        if (type is not ("app_mention" or "message" or "app_home_opened"))
        {
            return true;
        }

        if (type == "app_home_opened")
        {
            return ev.Str("tab") is { } tab && tab != "home";
        }

        var self = callback.TryGetProperty("authorizations", out var auth) && auth.ValueKind == JsonValueKind.Array && auth.GetArrayLength() > 0
            ? auth[0].Str("user_id")
            : null;
        return ev.Has("bot_id") || ev.Has("subtype") || ev.Str("user") is null || ev.Str("user") == self
            || (type == "message" && ev.Str("channel_type") != "im");
    }

    public async Task HandleEventAsync(string callbackJson, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(callbackJson);
        var callback = doc.RootElement;
        if (Ignored(callback) || callback.Obj("event") is not { } ev)
        {
            return;
        }

        var teamId = callback.Str("team_id");
        var userId = ev.Str("user");
        if (ev.Str("type") == "app_home_opened")
        {
            var viewer = await people.ResolveAsync(teamId, userId, null, ct);
            await home.PublishAsync(userId!, viewer, ct);
            return;
        }

        var im = ev.Str("type") == "message";
        var person = await people.ResolveAsync(teamId, userId, im ? ev.Str("channel") : null, ct);
        var text = StripMentions(ev.Str("text") ?? "");
        if (string.IsNullOrWhiteSpace(text) || ev.Str("channel") is not { } channel)
        {
            return;
        }

        var reply = await AskAsync(person, text, channel, ct);
        var message = BlockKitRenderer.Render(reply);
        message["channel"] = channel;
        if (!im || ev.Str("thread_ts") is not null)
        {
            message["thread_ts"] = ev.Str("thread_ts") ?? ev.Str("ts");
        }

        var sent = await api.PostMessageAsync(message, ct);
        if (sent.Outcome == SlackApiOutcome.RateLimited)
        {
            // Not posted: the work queue tries again later (an uncertain post is never repeated).
            throw new HttpRequestException($"Slack rate-limited the reply (retry after {sent.RetryAfter}).");
        }

        if (!sent.Ok)
        {
            log.LogWarning(SlackLogEvents.SlackBotWarning1, "Slack: a reply was not posted ({Error})", sent.Error);
        }
    }

    public Task<Reply> AskAsync(Person? person, string text, string? conversationId, CancellationToken ct) =>
        conversation.HandleAsync(new InboundMessage { Channel = ChannelName, Text = text, Asker = person, ConversationId = conversationId }, ct);

    /// <summary>Removes user mentions (<c>&lt;@U123&gt;</c>) and decodes Slack's three escapes.</summary>
    public static string StripMentions(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '<' && i + 1 < text.Length && text[i + 1] == '@' && text.IndexOf('>', i) is var end and > 0)
            {
                i = end + 1;
                continue;
            }

            sb.Append(text[i++]);
        }

        return sb.ToString().Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal).Trim();
    }

    /// <summary>Replaces a message the bot posted (a nudge whose button was pressed) with the answer.</summary>
    public async Task UpdateMessageAsync(string channel, string ts, Reply reply, CancellationToken ct)
    {
        var message = BlockKitRenderer.Render(reply);
        message["channel"] = channel;
        message["ts"] = ts;
        var updated = await api.UpdateAsync(message, ct);
        if (!updated.Ok)
        {
            message.Remove("ts");
            await api.PostMessageAsync(message, ct);
        }
    }

    public static JsonObject Ephemeral(Reply reply)
    {
        var message = BlockKitRenderer.Render(reply);
        message["response_type"] = "ephemeral";
        return message;
    }
}
