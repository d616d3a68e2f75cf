using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>
/// "What's due this week?": items due within the range, by date. A range wholly in the past shows what was due
/// then and whether it was delivered on time.
/// </summary>
public sealed class DueHandler(IItemStore items)
{
    public const int PageSize = 10;

    public async Task<Reply> HandleAsync(DueQuery query, AskContext ctx, int offset, CancellationToken ct)
    {
        var range = query.Range;
        var past = range.End < ctx.Today;
        var page = await items.DueBetweenAsync(range.Start, range.End, openOnly: !past, offset, PageSize, ct);
        var span = Describe(range);
        if (page.Total == 0)
        {
            return new Reply
            {
                Intent = query.Name,
                Heading = past ? $"Nothing was due {span}" : $"Nothing is due {span}",
                Text = past ? $"Nothing was due {span}." : $"Nothing open is due {span}.",
                FollowUps = ["what's overdue?", "what's due in the next 30 days?"],
            };
        }

        var rows = page.Items
            .Where(i => Permissions.CanRead(ctx.Asker, i))
            .OrderBy(i => i.Due).ThenBy(i => i.Id, Comparer<string>.Create(ListHandler.IdOrder))
            .Select(i => ReplyItems.From(i, ctx.Today, past ? Delivery(i) : null)).ToList();
        var heading = past
            ? $"{page.Total} item{(page.Total == 1 ? " was" : "s were")} due {span}"
            : $"{page.Total} item{(page.Total == 1 ? " is" : "s are")} due {span}";
        string? trailer = null;
        if (past)
        {
            var onTime = page.Items.Count(i => i.Status == ItemStatus.Done && i.Closed is { } c && c <= i.Due);
            trailer = $"Delivered on time: {onTime} of {page.Items.Count} shown.";
        }

        return ItemListText.ListReply(query.Name, heading, rows, page.Total, offset, ctx.Today, trailer) with
        {
            Facts = [new ReplyFact("From", ReplyItems.Date(range.Start)), new ReplyFact("To", ReplyItems.Date(range.End))],
            FollowUps = rows.Count > 0 ? ["what's overdue?", $"status {rows[0].Id}"] : ["what's overdue?"],
        };
    }

    private static string Delivery(TrackedItem i) => i.Status switch
    {
        ItemStatus.Done when i.Closed is { } c && c <= i.Due => $"delivered on time ({ReplyItems.Date(c)})",
        ItemStatus.Done when i.Closed is { } c => $"delivered late ({ReplyItems.Date(c)}, {ReplyItems.Days(c.DayNumber - i.Due!.Value.DayNumber)} after)",
        ItemStatus.Done => "delivered (date not recorded)",
        ItemStatus.Open or ItemStatus.InProgress => "not delivered yet",
        _ => ReplyItems.StatusText(i.Status),
    };

    public static string Describe(DateRange r) => r.Start == r.End
        ? $"on {ReplyItems.Date(r.Start)}"
        : $"from {ReplyItems.Date(r.Start)} to {ReplyItems.Date(r.End)}";
}
