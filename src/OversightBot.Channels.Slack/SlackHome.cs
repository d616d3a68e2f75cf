using System.Text.Json.Nodes;
using OversightBot.Channels.Slack.Api;
using OversightBot.Channels.Slack.BlockKit;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;

namespace OversightBot.Channels.Slack;

/// <summary>The Home tab: the person's items (overdue first) and whether they get the weekly digest.</summary>
public sealed class SlackHome(ConversationService conversation, SlackApiClient api)
{
    /// <summary>Slack allows 100 blocks in a Home tab view.</summary>
    public const int MaxHomeBlocks = 100;

    public async Task PublishAsync(string userId, Person? person, CancellationToken ct) =>
        await api.PublishViewAsync(userId, await BuildAsync(person, ct), ct);

    public async Task<JsonObject> BuildAsync(Person? person, CancellationToken ct)
    {
        var blocks = new JsonArray();
        if (person is null)
        {
            blocks.Add(Section("I don't know you yet, so I can only answer questions. Ask an admin to add your work email."));
            return View(blocks);
        }

        var mine = await conversation.HandleAsync(new InboundMessage { Channel = SlackBot.ChannelName, Text = "my items", Asker = person }, ct);
        blocks.Add(Section($"*{Mrkdwn.Escape(person.Name)}* — {Digest(person)}"));
        blocks.Add(new JsonObject { ["type"] = "divider" });
        foreach (var block in (BlockKitRenderer.Render(mine)["blocks"] as JsonArray ?? []).ToList())
        {
            if (blocks.Count < MaxHomeBlocks && block is not null)
            {
                blocks.Add(block.DeepClone());
            }
        }

        return View(blocks);
    }

    private static string Digest(Person person) => person.Preferences.Digest is { } digest
        ? $"you get the weekly digest on {digest.Day}s at {digest.At:HH\\:mm}. Say \"unsubscribe\" to stop."
        : "you don't get the weekly digest. Say \"subscribe to the weekly digest\" to get it.";

    private static JsonObject View(JsonArray blocks) => new() { ["type"] = "home", ["blocks"] = blocks };

    private static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn } };
}
