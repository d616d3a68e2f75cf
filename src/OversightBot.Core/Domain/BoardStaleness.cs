namespace OversightBot.Core.Domain;

public enum StaleReasonKind
{
    MinutesMissing,
    NothingPublished,
}

/// <summary>Why a board is behind on publication.</summary>
public sealed record StaleReason(StaleReasonKind Kind, DateOnly Since, int DaysLate, string Text);

/// <summary>Where a board stands: behind, up to date on the record, or unknown (nothing on record to judge by).</summary>
public enum BoardStanding
{
    UpToDate,
    Stale,
    /// <summary>No meeting, no publication and no statement to judge by: never reported as up to date.</summary>
    Unknown,
    /// <summary>Closed (or dormant): nothing is expected of it.</summary>
    NotExpected,
}

/// <summary>
/// The publication rules: minutes due within the board's window after each meeting held; something published every
/// cadence, counted from the last publication (a month-only date counts from its last day), or, for a board a source
/// says never published, from its creation or the day that was known. A board with nothing on record is unknown.
/// </summary>
public static class BoardStaleness
{
    public static IReadOnlyList<StaleReason> Evaluate(Board board, DateOnly today)
    {
        var reasons = new List<StaleReason>();
        if (board.Lifecycle is BoardLifecycle.Closed or BoardLifecycle.Dormant)
        {
            return reasons;
        }

        foreach (var meeting in board.Meetings.Where(m => m.Date <= today && m.Status == MeetingStatus.Held).OrderBy(m => m.Date))
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

        if (NothingPublished(board, today) is { } nothing)
        {
            reasons.Add(nothing);
        }

        return reasons;
    }

    private static StaleReason? NothingPublished(Board board, DateOnly today)
    {
        var last = board.Publications.Where(p => p.Published <= today).MaxBy(p => p.Published);
        var (origin, text) = last is not null
            ? (last.Published, $"nothing published since {last.PublishedAsWritten.Text}")
            : board.NeverPublished && (board.Created ?? board.KnownAsAt) is { } since
                ? (since, board.Created is not null
                    ? $"nothing published since it was created ({FlexDate.OnDay(since).Text})"
                    : $"nothing published since it was created (so on record {FlexDate.OnDay(since).Text})")
                : ((DateOnly?)null, "");
        if (origin is not { } o || o.AddDays(board.CadenceDays) >= today || (last is null && o > today))
        {
            return null;
        }

        return new StaleReason(StaleReasonKind.NothingPublished, o, today.DayNumber - o.AddDays(board.CadenceDays).DayNumber, text);
    }

    public static bool IsStale(Board board, DateOnly today) => Evaluate(board, today).Count > 0;

    /// <summary>Stale, up to date, unknown (nothing on record to judge by) or not expected to publish.</summary>
    public static BoardStanding Standing(Board board, DateOnly today)
    {
        if (board.Lifecycle is BoardLifecycle.Closed or BoardLifecycle.Dormant)
        {
            return BoardStanding.NotExpected;
        }

        if (IsStale(board, today))
        {
            return BoardStanding.Stale;
        }

        var basis = board.Publications.Exists(p => p.Published <= today)
            || board.Meetings.Exists(m => m.Date <= today && m.Status == MeetingStatus.Held)
            || (board.NeverPublished && (board.Created ?? board.KnownAsAt) is { } s && s <= today);
        return basis ? BoardStanding.UpToDate : BoardStanding.Unknown;
    }

    public static Publication? Latest(Board board, PublicationKind kind, DateOnly today) =>
        board.Publications.Where(p => p.Kind == kind && p.Published <= today).MaxBy(p => p.Published);
}
