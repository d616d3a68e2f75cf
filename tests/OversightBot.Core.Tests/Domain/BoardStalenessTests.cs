using OversightBot.Core.Domain;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Domain;

public sealed class BoardStalenessTests
{
    [Fact]
    public void Board_MinutesPublishedWithinWindow_IsNotStale()
    {
        var board = Some.Board();
        board.Meetings.Add(new Meeting { Date = Some.Date(2023, 6, 1) });
        board.Publications.Add(new Publication { Kind = PublicationKind.Minutes, MeetingDate = Some.Date(2023, 6, 1), Published = Some.Date(2023, 7, 1) });

        Assert.Empty(BoardStaleness.Evaluate(board, Some.Date(2023, 8, 1)));
    }

    [Fact]
    public void Board_MinutesMissingPastWindow_IsStaleWithTheMeetingDate()
    {
        var board = Some.Board();
        board.Meetings.Add(new Meeting { Date = Some.Date(2023, 6, 1) });
        board.Publications.Add(new Publication { Kind = PublicationKind.Agenda, MeetingDate = Some.Date(2023, 6, 1), Published = Some.Date(2023, 5, 25) });

        var within = BoardStaleness.Evaluate(board, Some.Date(2023, 7, 13));
        var after = BoardStaleness.Evaluate(board, Some.Date(2023, 7, 14));

        Assert.Empty(within);
        var reason = Assert.Single(after);
        Assert.Equal(StaleReasonKind.MinutesMissing, reason.Kind);
        Assert.Equal(Some.Date(2023, 6, 1), reason.Since);
        Assert.Contains("1 June 2023", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Board_NothingPublishedForLongerThanCadence_IsStale()
    {
        var board = Some.Board();
        board.CadenceDays = 91;
        board.Publications.Add(new Publication { Kind = PublicationKind.TermsOfReference, Published = Some.Date(2023, 1, 1) });

        Assert.Empty(BoardStaleness.Evaluate(board, Some.Date(2023, 4, 2)));
        var reason = Assert.Single(BoardStaleness.Evaluate(board, Some.Date(2023, 4, 3)));
        Assert.Equal(StaleReasonKind.NothingPublished, reason.Kind);
        Assert.Equal(1, reason.DaysLate);
    }

    [Fact]
    public void Board_FuturePublicationsAndMeetings_AreIgnored()
    {
        var board = Some.Board();
        board.Meetings.Add(new Meeting { Date = Some.Date(2024, 1, 1) });
        board.Publications.Add(new Publication { Kind = PublicationKind.Papers, Published = Some.Date(2023, 3, 1) });

        Assert.Empty(BoardStaleness.Evaluate(board, Some.Date(2023, 5, 1)));
    }
}
