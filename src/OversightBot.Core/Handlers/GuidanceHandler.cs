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

    private static string Trim(string text) => text.Length <= 80 ? text.Trim() : text[..77].Trim() + "…";
}
