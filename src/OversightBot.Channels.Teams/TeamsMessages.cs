using OversightBot.Channels.Teams.Cards;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Teams;

/// <summary>Outbound activities: a reply as an Adaptive Card, a typing indicator, a plain sentence.</summary>
public static class TeamsMessages
{
    public static Activity Card(Reply reply, int maxCardBytes, Activity? inReplyTo = null)
    {
        var activity = Addressed(inReplyTo);
        activity.Type = "message";
        activity.Summary = Summary(reply.Heading ?? reply.Text);
        activity.Attachments = [new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = CardCache.Get(reply, maxCardBytes) }];
        return activity;
    }

    public static Activity Text(string text, Activity? inReplyTo = null)
    {
        var activity = Addressed(inReplyTo);
        activity.Type = "message";
        activity.Text = text;
        activity.TextFormat = "plain";
        return activity;
    }

    public static Activity Typing(Activity inReplyTo)
    {
        var activity = Addressed(inReplyTo);
        activity.Type = "typing";
        return activity;
    }

    private static Activity Addressed(Activity? inbound) => inbound is null
        ? new Activity()
        : new Activity
        {
            From = inbound.Recipient,
            Recipient = inbound.From,
            Conversation = inbound.Conversation,
            ReplyToId = inbound.Id,
        };

    private static string Summary(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 120 ? line : line[..117] + "...";
    }
}
