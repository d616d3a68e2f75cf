using OversightBot.Core.Handlers;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;
using OversightBot.Core.Time;

namespace OversightBot.Core.Conversation;

/// <summary>One message in, one reply out: recognise, dispatch to the intent's handler, return the reply model.</summary>
public sealed class ConversationService(IIntentRecognizer recognizer, IItemStore items, TimeProvider clock)
{
    private readonly OverdueHandler _overdue = new(items);

    public async Task<Reply> HandleAsync(InboundMessage message, CancellationToken ct)
    {
        var now = message.AsOf is { } asOf ? London.Noon(asOf) : London.Now(clock);
        var today = message.AsOf ?? London.Today(clock);
        var ctx = new AskContext(message.Asker, today, now, message.Channel, message.Text);
        var understanding = recognizer.Recognize(message.Text, today);
        return understanding.Intent switch
        {
            OverdueQuery q => await _overdue.HandleAsync(q, ctx, 0, ct),
            Help h => HelpReply(h),
            var other => new Reply
            {
                Intent = other.Name,
                Text = "I can't answer that yet. Try \"what's overdue?\".",
                FollowUps = ["what's overdue?"],
            },
        };
    }

    private static Reply HelpReply(Help help) => new()
    {
        Intent = help.Name,
        Text = "I track recommendations, actions, statutory deadlines, open questions and board publications. Ask me \"what's overdue?\".",
        FollowUps = ["what's overdue?"],
    };
}
