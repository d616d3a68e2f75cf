using System.Globalization;
using OversightBot.Core.Domain;
using OversightBot.Core.Time;

namespace OversightBot.Import.Reports;

/// <summary>
/// The papers no tool produces: a committee's "Summary List of Actions" (open actions arising from its meetings and
/// letters, and those closed recently) and an improvement plan's RAG table by UK financial-year quarter with due-date
/// revisions counted. Both as at a chosen day: statuses and due dates are rebuilt from history (<see cref="ItemAsAt"/>).
/// </summary>
public static class CommitteeReports
{
    public const int RecentlyClosedDays = 90;
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static Report SummaryListOfActions(IEnumerable<TrackedItem> items, string committee, DateOnly asAt)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var item in items.Where(i => Concerns(i, committee)).OrderBy(i => i.Source.Date).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            var then = ItemAsAt.Reconstruct(item, asAt, London.Zone);
            var closedOn = item.Closed;
            var open = then.Status is ItemStatus.Open or ItemStatus.InProgress;
            var recent = !open && closedOn is { } c && c <= asAt && c.DayNumber >= asAt.DayNumber - RecentlyClosedDays;
            if (!then.Existed || !(open || recent))
            {
                continue;
            }

            rows.Add([item.Id, Day(item.Source.Date), item.Source.Document, item.Title, item.Owner, then.Due is { } d ? Day(d) : "not set", StatusText(then)]);
        }

        var table = new ReportTable(
            "Summary List of Actions",
            $"Open actions, and actions closed in the {RecentlyClosedDays} days before {Day(asAt)}, arising from the {committee}'s meetings and correspondence.",
            ["Ref", "Date", "Source", "Action", "Owner", "Due", "Status"],
            rows);
        return new Report($"{committee}: Summary List of Actions", $"Status as at {Day(asAt)}", asAt, [table]);
    }

    public static Report ImprovementPlanRag(IEnumerable<TrackedItem> items, string? plan, DateOnly asAt)
    {
        var actions = items.Where(i => i.Kind == ItemKind.ImprovementAction
            && (plan is null || i.Source.Document.Contains(plan, StringComparison.OrdinalIgnoreCase))).ToList();
        var groups = actions
            .Select(i => (Item: i, Then: ItemAsAt.Reconstruct(i, asAt, London.Zone)))
            .Where(x => x.Then.Existed)
            .GroupBy(x => x.Then.Due is { } d ? Quarter(d) : "no due date")
            .OrderBy(g => g.Key == "no due date" ? "~" : g.Key, StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<string>>();
        var totals = new int[7];
        foreach (var g in groups)
        {
            int[] counts =
            [
                g.Count(),
                g.Count(x => x.Then.Rag.Rag == Rag.Red),
                g.Count(x => x.Then.Rag.Rag == Rag.Amber),
                g.Count(x => x.Then.Rag.Rag == Rag.Green),
                g.Count(x => x.Then.Rag.Rag == Rag.Complete),
                g.Count(x => x.Then.Rag.Rag == Rag.Unknown),
                g.Sum(x => x.Item.Revisions.Count(r => DateOnly.FromDateTime(r.RequestedAt.UtcDateTime) <= asAt)),
            ];
            for (var k = 0; k < counts.Length; k++)
            {
                totals[k] += counts[k];
            }

            rows.Add([g.Key, .. counts.Select(n => n.ToString(CultureInfo.InvariantCulture))]);
        }

        var table = new ReportTable(
            "Improvement plan: RAG by quarter due",
            "Quarters of the UK financial year (Q1 = April to June). Red: overdue or revised too often; amber: due within 30 days and not started; revisions: due-date changes requested by then.",
            ["Quarter due", "Actions", "Red", "Amber", "Green", "Complete", "Unknown", "Revisions"],
            rows,
            ["Total", .. totals.Select(n => n.ToString(CultureInfo.InvariantCulture))]);
        var title = plan is null ? "Improvement plan" : $"Improvement plan: {plan}";
        return new Report(title, $"Status as at {Day(asAt)}", asAt, [table]);
    }

    /// <summary>The UK financial-year quarter of a day: 15 May 2023 is "2023/24 Q1", 31 March 2024 is "2023/24 Q4".</summary>
    public static string Quarter(DateOnly day)
    {
        var start = day.Month >= 4 ? day.Year : day.Year - 1;
        var q = ((day.Month + 8) % 12 / 3) + 1;
        return $"{start}/{(start + 1) % 100:00} Q{q}";
    }

    private static bool Concerns(TrackedItem item, string committee) =>
        item.Source.Issuer.Contains(committee, StringComparison.OrdinalIgnoreCase)
        || (item.Board?.Contains(committee, StringComparison.OrdinalIgnoreCase) ?? false)
        || item.Owner.Contains(committee, StringComparison.OrdinalIgnoreCase);

    private static string StatusText(ItemSnapshot then) => then.Status switch
    {
        ItemStatus.InProgress => "In progress",
        ItemStatus.NotAccepted => "Not accepted",
        _ => then.Status.ToString(),
    } + (then.Rag.Rag is Rag.Red or Rag.Amber or Rag.Green ? $" ({then.Rag.Rag.ToString().ToUpperInvariant()})" : "");

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", British);
}
