using System.Text;
using OversightBot.Core.Domain;
using OversightBot.Core.Handlers;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Proactive;

/// <summary>The words and buttons of nudges, escalations and board reminders.</summary>
public static class NudgeMessages
{
    /// <summary>
    /// A nudge to the owner, worded for <paramref name="today"/> (a catch-up nudge says how things stand now); its
    /// buttons are those <paramref name="recipient"/> may use.
    /// </summary>
    public static Reply Nudge(TrackedItem item, DateOnly due, DateOnly today, Person? recipient)
    {
        var days = due.DayNumber - today.DayNumber;
        var heading = days switch
        {
            > 1 => $"{item.Id} is due in {days} days",
            1 => $"{item.Id} is due tomorrow",
            0 => $"{item.Id} is due today",
            -1 => $"{item.Id} is 1 day overdue",
            _ => $"{item.Id} is {-days} days overdue",
        };
        return ItemReply("nudge", heading, item, due, today, null, recipient);
    }

    public static Reply Escalation(TrackedItem item, DateOnly due, DateOnly today, Person? recipient)
    {
        var heading = $"{item.Id}, owned by {item.Owner}, is {ReplyItems.Days(today.DayNumber - due.DayNumber)} overdue";
        return ItemReply("escalation", heading, item, due, today, "You are told as the owner's manager.", recipient);
    }

    public static Reply Board(Board board, StaleReason reason)
    {
        var heading = $"{board.Name} is behind on publication";
        var text = $"{heading}: {reason.Text} — {ReplyItems.Days(reason.DaysLate)} late.";
        if (board.WebPage is { } page)
        {
            text += $"\nPage: {page}";
        }

        return new Reply
        {
            Intent = "board-nudge",
            Heading = heading,
            Text = text,
            Boards = [new ReplyBoard { Id = board.Id, Name = board.Name, Stale = true, Reasons = [reason.Text], WebPage = board.WebPage }],
            FollowUps = [$"which boards are behind?"],
        };
    }

    private static Reply ItemReply(string intent, string heading, TrackedItem item, DateOnly due, DateOnly today, string? note, Person? recipient)
    {
        var sb = new StringBuilder();
        sb.Append(heading).Append(" (").Append(ReplyItems.Date(due)).AppendLine(").");
        sb.AppendLine(item.Title);
        sb.Append(item.Source.Document).Append(", ").Append(item.Source.Issuer).Append(", ").AppendLine(ReplyItems.Date(item.Source.Date));
        if (note is not null)
        {
            sb.AppendLine(note);
        }

        var row = ReplyItems.From(item, today) with { Due = due };
        return new Reply
        {
            Intent = intent,
            Heading = heading,
            Text = sb.ToString().TrimEnd(),
            Items = [row],
            Total = 1,
            Shown = 1,
            Actions = ItemActions.For(item, recipient),
        };
    }
}
