using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>
/// "LDB minutes published today", "the LCRB met on 5 March", "SSPB meeting scheduled for 14 November": clerks,
/// managers and admins (and a board's own clerk) record meetings and publications. Nothing recorded is replaced;
/// a record that is already there is reported, not duplicated.
/// </summary>
public sealed class RecordHandler(IBoardStore boards, BoardsHandler finder, ItemWriteGate gate)
{
    public Task<Reply> HandleAsync(RecordBoard record, AskContext ctx, CancellationToken ct) => gate.RunAsync(() => RecordAsync(record, ctx, ct), ct);

    private async Task<Reply> RecordAsync(RecordBoard record, AskContext ctx, CancellationToken ct)
    {
        var board = (record.Board is { } name ? await boards.FindBoardAsync(name, ct) : null) ?? await finder.MentionedInAsync(record.Text, ct);
        if (board is null)
        {
            return Refusal.Because(record.Name, $"Which board? I couldn't find one named in \"{record.Text}\". Say \"boards\" to see the ones I track.", "boards");
        }

        if (ctx.Asker is not { } asker || !(asker.Role is Role.Clerk or Role.Manager or Role.Admin || string.Equals(board.Clerk, asker.Email, StringComparison.OrdinalIgnoreCase)))
        {
            return Refusal.Because(record.Name, $"Only clerks, managers and admins record meetings and publications for {board.Name}.");
        }

        var date = record.Date ?? (record.Event == BoardEvent.MeetingScheduled ? (DateOnly?)null : ctx.Today);
        if (date is null)
        {
            return Refusal.Because(record.Name, $"When is the {board.Name} meeting? For example \"{board.Aliases.FirstOrDefault() ?? board.Name} meeting scheduled for 14 November\".");
        }

        if (record.Event != BoardEvent.MeetingScheduled && date > ctx.Today)
        {
            return Refusal.Because(record.Name, $"{Say.Date(date.Value)} is in the future, so it can't have happened yet. To plan a meeting say \"{board.Aliases.FirstOrDefault() ?? board.Name} meeting scheduled for {Say.LongDate(date.Value)}\".");
        }

        string done;
        switch (record.Event)
        {
            case BoardEvent.Published:
                var meeting = MeetingFor(board, record, date.Value);
                var kind = record.Publication!.Value;
                if (board.Publications.Exists(p => p.Kind == kind && p.MeetingDate == meeting && p.Published == date))
                {
                    return Already(record, board, $"{Label(kind)} published {Say.Date(date.Value)}");
                }

                board.Publications.Add(new Publication { Kind = kind, MeetingDate = meeting, Published = date.Value });
                done = $"{Label(kind)}{(meeting is { } m ? $" of the {Say.Date(m)} meeting" : "")} published {Say.Date(date.Value)}";
                break;
            default:
                if (board.Meetings.Exists(m => m.Date == date))
                {
                    return Already(record, board, $"a meeting on {Say.Date(date.Value)}");
                }

                board.Meetings.Add(new Meeting { Date = date.Value, Note = record.Event == BoardEvent.MeetingScheduled ? "scheduled" : "held" });
                board.Meetings.Sort((a, b) => a.Date.CompareTo(b.Date));
                done = record.Event == BoardEvent.MeetingScheduled ? $"meeting scheduled for {Say.Date(date.Value)}" : $"meeting held on {Say.Date(date.Value)}";
                break;
        }

        await boards.UpsertBoardAsync(board, ct);
        var row = BoardsHandler.Row(board, ctx.Today);
        return new Reply
        {
            Intent = record.Name,
            Heading = $"Recorded for {board.Name}",
            Text = $"Recorded for {board.Name}: {done}. The board is {(row.Stale ? "still behind on publication" : "up to date")}.",
            Facts = [new ReplyFact("Board", board.Name), new ReplyFact("Recorded", done), new ReplyFact("By", asker.Email)],
            Boards = [row],
            Total = 1,
            Shown = 1,
            FollowUps = [$"is the {board.Name} up to date?"],
        };
    }

    /// <summary>The meeting a publication belongs to: the one named, else for minutes the last meeting held, for an agenda or papers the next.</summary>
    private static DateOnly? MeetingFor(Board board, RecordBoard record, DateOnly published)
    {
        if (record.MeetingDate is { } named)
        {
            return named;
        }

        return record.Publication switch
        {
            PublicationKind.Minutes => board.Meetings.Where(m => m.Date <= published).Select(m => (DateOnly?)m.Date).Max(),
            PublicationKind.Agenda or PublicationKind.Papers => board.Meetings.Where(m => m.Date >= published).Select(m => (DateOnly?)m.Date).Min()
                ?? board.Meetings.Where(m => m.Date <= published).Select(m => (DateOnly?)m.Date).Max(),
            _ => null,
        };
    }

    private static Reply Already(RecordBoard record, Board board, string what) => new()
    {
        Intent = record.Name,
        Heading = "Already recorded",
        Text = $"{board.Name} already has {what} on record, so nothing changed.",
        FollowUps = [$"is the {board.Name} up to date?"],
    };

    public static string Label(PublicationKind kind) => kind switch
    {
        PublicationKind.TermsOfReference => "terms of reference",
        PublicationKind.Membership => "membership",
        PublicationKind.Agenda => "agenda",
        PublicationKind.Papers => "papers",
        _ => "minutes",
    };
}
