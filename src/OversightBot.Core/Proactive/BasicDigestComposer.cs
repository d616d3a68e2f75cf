using System.Text;
using OversightBot.Core.Domain;
using OversightBot.Core.Handlers;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Proactive;

/// <summary>A short digest (overdue, due in the next two weeks, boards behind) used until the on-demand digest handler is wired in.</summary>
public sealed class BasicDigestComposer(IItemStore items, IBoardStore boards) : IDigestComposer
{
    public async Task<Reply> ComposeAsync(Person? person, DateOnly today, CancellationToken ct)
    {
        var overdue = await items.OverdueAsync(today, 0, 5, ct);
        var soon = await items.DueBetweenAsync(today, today.AddDays(14), true, 0, 5, ct);
        var behind = (await boards.BoardsAsync(ct)).Where(b => BoardStaleness.IsStale(b, today)).ToList();
        var heading = $"Weekly digest for the week of {ReplyItems.Date(today)}";
        var sb = new StringBuilder().AppendLine(heading + ".");
        sb.AppendLine($"{overdue.Total} overdue; {soon.Total} due in the next two weeks; {behind.Count} boards behind on publication.");
        foreach (var i in overdue.Items.Concat(soon.Items))
        {
            sb.Append("  ").Append(i.Id).Append("  due ").Append(ReplyItems.Date(i.Due!.Value)).Append("  ").AppendLine(i.Title);
        }

        return new Reply
        {
            Intent = "digest",
            Heading = heading,
            Text = sb.ToString().TrimEnd(),
            Facts = [new("Overdue", $"{overdue.Total}"), new("Due in two weeks", $"{soon.Total}"), new("Boards behind", $"{behind.Count}")],
            Items = [.. overdue.Items.Concat(soon.Items).Select(i => ReplyItems.From(i, today))],
            Total = overdue.Total + soon.Total,
            Shown = overdue.Items.Count + soon.Items.Count,
        };
    }
}
