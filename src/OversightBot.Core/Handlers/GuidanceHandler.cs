using OversightBot.Core.Language;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>Help, and the helpful answer to something not understood.</summary>
public static class GuidanceHandler
{
    public static readonly string[] Examples =
    [
        "what's overdue?",
        "what's due this week?",
        "what's due in the next 30 days?",
        "my items",
        "what does the Strategy directorate own?",
        "status R-1",
        "status MQ 1844",
        "which boards are behind?",
        "is the VAWG board up to date?",
        "weekly digest",
        "subscribe to the digest on Monday at 9am",
        "mark R-3 done",
        "R-4 is in progress: audit started",
        "move R-5 to 31 March 2023 because the board meets later",
        "snooze R-2 for a week",
        "when is the reply to the committee letter due?",
        "who owns the PEEL comments?",
        "list all open recommendations",
        "overdue recommendations for the Partnership Team",
        "what was completed last month?",
        "how many Mayor's Questions were answered on time?",
        "history of R-7",
        "add a new item: reply to the letter, owner Secretariat, due 1 December 2023",
        "LDB minutes published today",
    ];

    public static Reply Help(Help help) => new()
    {
        Intent = help.Name,
        Heading = "What I can do",
        Text = string.Join('\n',
        [
            "I keep track of the recommendations, improvement actions, statutory deadlines and open questions you've been asked to deliver, and whether boards publish their papers on time.",
            "",
            "Ask: what's overdue? · what's due this week? · my items · status R-1 · boards · weekly digest",
            "Update (owners, clerks, managers): mark R-3 done · R-4 is in progress: note · move R-5 to 31 March because … · snooze R-2 for a week",
            "Find: when is the reply to the committee letter due? · who owns R-3? · how long has MQ 1844 been outstanding? · history of R-7",
            "Lists and figures: list all open recommendations · overdue recommendations for the Partnership Team · what was completed last month? · FOI on-time rate",
            "Clerks: add a new item: TITLE, owner TEAM, due DATE · LDB minutes published today · the LCRB met on 5 March",
            "Managers: approve R-5 · reject R-5",
            "Subscribe to the weekly digest: subscribe · unsubscribe",
        ]),
        FollowUps = Examples[..6],
    };

    public static Reply Unknown(Unknown unknown) => new()
    {
        Intent = unknown.Name,
        Heading = "I didn't catch that",
        Text = $"Sorry, I don't know how to answer \"{Trim(unknown.Text)}\". Try one of these, or say \"help\".",
        FollowUps = ["what's overdue?", "what's due this week?", "my items", "boards", "help"],
    };

    /// <summary>A question whose only timing is vague ("after the party conference season"): say so rather than guess.</summary>
    public static Reply Vague(string phrase) => new()
    {
        Intent = "due",
        Heading = "Which dates?",
        Text = $"\"{Trim(phrase)}\" doesn't name a date I can put on the calendar, so I haven't guessed one. Ask with dates, e.g. \"what's due before 31 October?\" or \"what's due next month?\".",
        FollowUps = ["what's due next month?", "what's overdue?"],
    };

    private static string Trim(string text) => text.Length <= 80 ? text.Trim() : text[..77].Trim() + "…";
}
