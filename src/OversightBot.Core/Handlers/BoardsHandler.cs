using System.Text;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>"Which boards haven't published minutes?" / "is the VAWG board page up to date?".</summary>
public sealed class BoardsHandler(IBoardStore boards)
{
    private static readonly PublicationKind[] Kinds =
        [PublicationKind.Agenda, PublicationKind.Papers, PublicationKind.Minutes, PublicationKind.TermsOfReference, PublicationKind.Membership];

    public async Task<Reply> HandleAsync(BoardsQuery query, AskContext ctx, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(query.Board))
        {
            var board = await FindAsync(query.Board!, ct);
            return board is null
                ? new Reply
                {
                    Intent = query.Name,
                    Heading = "No such board",
                    Text = $"I don't track a board called \"{query.Board}\". Say \"boards\" to see the ones I track.",
                    FollowUps = ["boards"],
                }
                : One(query, board, ctx.Today);
        }

        var all = await boards.BoardsAsync(ct);
        var rows = all.Select(b => Row(b, ctx.Today)).OrderByDescending(r => r.Stale).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var stale = rows.Count(r => r.Stale);
        var heading = stale == 0 && rows.TrueForAll(r => r.Standing == "upToDate") ? $"All {rows.Count} boards are up to date"
            : stale == 0 ? $"No board of {rows.Count} is behind on what is on record" : $"{stale} of {rows.Count} boards are behind on publication";
        var sb = new StringBuilder(heading).Append(" as of ").Append(ReplyItems.Date(ctx.Today)).AppendLine(".").AppendLine();
        foreach (var r in rows.Where(r => r.Stale))
        {
            sb.AppendLine(r.Name);
            foreach (var why in r.Reasons)
            {
                sb.Append("  - ").AppendLine(why);
            }
        }

        var fine = rows.Where(r => r.Standing == "upToDate").Select(r => r.Name).ToList();
        if (fine.Count > 0)
        {
            sb.AppendLine().Append("Up to date: ").Append(string.Join(", ", fine)).AppendLine(".");
        }

        var unknown = rows.Where(r => r.Standing == "unknown").Select(r => r.Name).ToList();
        if (unknown.Count > 0)
        {
            sb.AppendLine().Append("Unknown (nothing on record to judge by): ").Append(string.Join(", ", unknown)).AppendLine(".");
        }

        var closed = rows.Where(r => r.Standing == "notExpected").Select(r => r.Name).ToList();
        if (closed.Count > 0)
        {
            sb.AppendLine().Append("Closed or dormant: ").Append(string.Join(", ", closed)).AppendLine(".");
        }

        return new Reply
        {
            Intent = query.Name,
            Heading = heading,
            Text = sb.ToString().TrimEnd(),
            Boards = rows,
            Total = rows.Count,
            Shown = rows.Count,
            FollowUps = rows.Where(r => r.Stale).Take(2).Select(r => $"is the {r.Name} up to date?").ToList(),
        };
    }

    /// <summary>
    /// A board named in text the recognizer could not place ("is the LCRB up to date?"): its name or one of its
    /// aliases (three letters or more) as whole words.
    /// </summary>
    public async Task<Board?> MentionedInAsync(string text, CancellationToken ct)
    {
        var words = " " + string.Concat(text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ')) + " ";
        bool Has(string phrase) =>
            phrase.Length >= 3 && words.Contains(" " + string.Concat(phrase.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ')) + " ", StringComparison.Ordinal);
        var all = await boards.BoardsAsync(ct);
        return all.FirstOrDefault(b => Has(b.Name)) ?? all.FirstOrDefault(b => b.Aliases.Exists(Has));
    }

    private async Task<Board?> FindAsync(string words, CancellationToken ct)
    {
        var exact = await boards.FindBoardAsync(words, ct);
        if (exact is not null)
        {
            return exact;
        }

        var terms = SearchTerms.ForQuery(words).Where(t => t is not "board" and not "london" and not "page" and not "up" and not "date").ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        var all = await boards.BoardsAsync(ct);
        return all
            .Select(b => (Board: b, Score: terms.Count(t => SearchTerms.ForQuery(b.Name + " " + string.Join(' ', b.Aliases) + " " + b.Id).Contains(t))))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .Select(s => s.Board)
            .FirstOrDefault();
    }

    private static Reply One(BoardsQuery query, Board board, DateOnly today)
    {
        var row = Row(board, today);
        var sb = new StringBuilder(board.Name).Append(row.Standing switch
        {
            "stale" => " is behind on publication.",
            "unknown" => ": nothing on record to judge whether it is up to date.",
            "notExpected" => " is closed or dormant: nothing is expected of it.",
            _ => " is up to date.",
        }).AppendLine();
        foreach (var why in row.Reasons)
        {
            sb.Append("  - ").AppendLine(why);
        }

        foreach (var f in row.Latest)
        {
            sb.Append(f.Label).Append(": ").AppendLine(f.Value);
        }

        var last = board.Meetings.Where(m => m.Date <= today).Select(m => (DateOnly?)m.Date).Max();
        if (last is { } l)
        {
            sb.Append("Last meeting on record: ").AppendLine(ReplyItems.Date(l));
        }

        if (board.WebPage is { } page)
        {
            sb.Append("Web page: ").AppendLine(page);
        }

        return new Reply
        {
            Intent = query.Name,
            Heading = board.Name,
            Text = sb.ToString().TrimEnd(),
            Boards = [row],
            Facts = row.Latest,
            Total = 1,
            Shown = 1,
            FollowUps = ["boards"],
        };
    }

    public static ReplyBoard Row(Board board, DateOnly today)
    {
        var latest = Kinds.Select(k => (Kind: k, Pub: BoardStaleness.Latest(board, k, today)))
            .Select(x => new ReplyFact(Label(x.Kind), x.Pub is null ? "none on record" : Describe(x.Pub)))
            .ToList();
        return new ReplyBoard
        {
            Id = board.Id,
            Name = board.Name,
            Stale = BoardStaleness.IsStale(board, today),
            Standing = BoardStaleness.Standing(board, today) switch
            {
                BoardStanding.Stale => "stale",
                BoardStanding.Unknown => "unknown",
                BoardStanding.NotExpected => "notExpected",
                _ => "upToDate",
            },
            Reasons = BoardStaleness.Evaluate(board, today).Select(r => r.Text).ToList(),
            Latest = latest,
            WebPage = board.WebPage,
        };
    }

    private static string Describe(Publication p) =>
        (p.PublishedPrecision == DatePrecision.Day ? $"published {ReplyItems.Date(p.Published)}" : $"published {p.PublishedAsWritten.InSentence}") + (p.MeetingDate is { } m ? $" (meeting of {ReplyItems.Date(m)})" : "");

    private static string Label(PublicationKind kind) => kind switch
    {
        PublicationKind.TermsOfReference => "Terms of reference",
        PublicationKind.Membership => "Membership",
        _ => "Last " + kind.ToString().ToLowerInvariant(),
    };
}
