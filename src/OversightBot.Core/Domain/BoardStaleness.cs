namespace OversightBot.Core.Domain;

public enum StaleReasonKind
{
    MinutesMissing,
    NothingPublished,
}

/// <summary>Why a board is behind on publication.</summary>
public sealed record StaleReason(StaleReasonKind Kind, DateOnly Since, int DaysLate, string Text);

/// <summary>The publication rules: minutes due within the window after each meeting; something published every cadence.</summary>
public static class BoardStaleness
{
    public static IReadOnlyList<StaleReason> Evaluate(Board board, DateOnly today)
    {
        var reasons = new List<StaleReason>();
        foreach (var meeting in board.Meetings.Where(m => m.Date <= today).OrderBy(m => m.Date))
        {
            var deadline = meeting.Date.AddDays(board.PublicationWindowDays);
            var hasMinutes = board.Publications.Exists(p =>
                p.Kind == PublicationKind.Minutes && p.MeetingDate == meeting.Date && p.Published <= today);
            if (!hasMinutes && deadline < today)
            {
                reasons.Add(new StaleReason(
                    StaleReasonKind.MinutesMissing,
                    meeting.Date,
                    today.DayNumber - deadline.DayNumber,
                    $"minutes of the meeting on {meeting.Date:d MMMM yyyy} not published (due by {deadline:d MMMM yyyy})"));
            }
        }

        var published = board.Publications.Where(p => p.Published <= today).Select(p => p.Published).ToList();
        var last = published.Count > 0 ? published.Max() : (DateOnly?)null;
        var origin = last ?? board.Source?.Date;
        if (origin is { } since && since.AddDays(board.CadenceDays) < today)
        {
            var late = today.DayNumber - since.AddDays(board.CadenceDays).DayNumber;
            var text = last is null
                ? $"nothing published on record (known since {since:d MMMM yyyy})"
                : $"nothing published since {since:d MMMM yyyy}";
            reasons.Add(new StaleReason(StaleReasonKind.NothingPublished, since, late, text));
        }

        return reasons;
    }

    public static bool IsStale(Board board, DateOnly today) => Evaluate(board, today).Count > 0;

    public static Publication? Latest(Board board, PublicationKind kind, DateOnly today) =>
        board.Publications.Where(p => p.Kind == kind && p.Published <= today).MaxBy(p => p.Published);
}
