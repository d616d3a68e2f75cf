using System.Globalization;
using System.Text;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>
/// "How many Mayor's Questions were answered on time?", "FOI on-time rate", "how many recommendations are open?":
/// counts, on-time rates and time taken, live from the tracked items, beside the figures the sources quote.
/// </summary>
public sealed class StatsHandler(IItemStore items, OwnerHandler owners)
{
    public async Task<Reply> HandleAsync(StatsQuery query, AskContext ctx, CancellationToken ct)
    {
        var filter = query.Filter;
        IReadOnlyList<string>? ownerList = null;
        var ownerLabel = "";
        if (filter.Owner is { } o)
        {
            (ownerList, ownerLabel) = await owners.ResolveAsync(o, ct);
        }

        var words = SearchTerms.ForQuery(string.Join(' ', new[] { filter.Source, filter.Theme }.Where(s => s is not null)));
        var tracked = new List<TrackedItem>();
        await foreach (var item in items.AllAsync(ct))
        {
            if (Permissions.CanRead(ctx.Asker, item) && Fits(item, filter, ownerList) && ItemText.Matches(item, words))
            {
                tracked.Add(item);
            }
        }

        var noun = ListWording.Describe(filter with { Status = StatusFilter.All, Range = null, Owner = null }, ListHandler.Mode.List, null, ownerList is null ? null : ownerLabel, true)
            .Replace("open ", "", StringComparison.Ordinal);
        var figures = Figures.Of(tracked, ctx.Today, filter.Range);
        var sb = new StringBuilder();
        sb.Append(char.ToUpperInvariant(noun[0])).Append(noun[1..]).Append(" tracked: ").Append(figures.Total).Append(figures.SeriesText()).AppendLine(".");
        sb.AppendLine(figures.StatusText());
        sb.AppendLine(figures.OnTimeText());
        if (figures.TakenText() is { } taken)
        {
            sb.AppendLine(taken);
        }

        if (figures.OldestText(ctx.Today) is { } oldest)
        {
            sb.AppendLine(oldest);
        }

        return new Reply
        {
            Intent = query.Name,
            Heading = $"Figures: {noun}",
            Text = sb.ToString().TrimEnd(),
            Facts = figures.Facts(),
            Items = tracked.OrderBy(i => i.Id, Comparer<string>.Create(ListHandler.IdOrder)).Take(10).Select(i => ReplyItems.From(i, ctx.Today)).ToList(),
            Total = tracked.Count,
            Shown = Math.Min(10, tracked.Count),
            FollowUps = ["what's overdue?", "list all open items"],
        };
    }

    private static bool Fits(TrackedItem i, ItemFilter f, IReadOnlyList<string>? owners) =>
        (f.Kind is not { } k || i.Kind == k)
        && (f.SubKind is not { } sk || string.Equals(i.SubKind, sk, StringComparison.OrdinalIgnoreCase) || (i.Reference ?? "").StartsWith(sk, StringComparison.OrdinalIgnoreCase))
        && (owners is null || owners.Contains(i.Owner, StringComparer.OrdinalIgnoreCase));

    /// <summary>Counts and rates over a set of items.</summary>
    private sealed record Figures(int Total, int Series, int Open, int Overdue, int Awaiting, int Done, int Unknown, int DueSoFar, int Undated, int OnTime, int TakenCount, double TakenAverage, TrackedItem? Oldest)
    {
        public static Figures Of(List<TrackedItem> list, DateOnly today, DateRange? range)
        {
            // On-time rates are over one-off items the organisation delivers itself: a series has a date per occurrence,
            // and an outside body's item is not the organisation's to deliver.
            var dueSoFar = list.Where(i => i.Series is null && !i.OwnerExternal && i.Due is { } d && d <= today && (range is null || range.Contains(d)) && i.Status is not (ItemStatus.Withdrawn or ItemStatus.Unknown)).ToList();
            // Done with no completion date on record: whether it was on time cannot be told, so it is not in the rate.
            var undated = dueSoFar.RemoveAll(i => i.Status == ItemStatus.Done && i.Closed is null);
            var onTime = dueSoFar.Count(i => i.Status == ItemStatus.Done && i.Closed is { } c && c <= i.Due);
            var taken = list.Where(i => i.Status == ItemStatus.Done && i.Closed is not null).Select(i => i.Closed!.Value.DayNumber - (i.Opened ?? i.Source.Date).DayNumber).Where(d => d >= 0).ToList();
            var oldest = list.Where(i => i.IsOpen).OrderBy(i => i.Opened ?? i.Source.Date).FirstOrDefault();
            return new Figures(list.Count, list.Count(i => i.Series is not null), list.Count(i => i.IsOpen && !i.OwnerExternal), list.Count(i => i.IsOwnOverdue(today)),
                list.Count(i => i.IsOpen && i.OwnerExternal), list.Count(i => i.Status == ItemStatus.Done), list.Count(i => i.Status == ItemStatus.Unknown),
                dueSoFar.Count, undated, onTime, taken.Count, taken.Count == 0 ? 0 : taken.Average(), oldest);
        }

        /// <summary>Says that a recurring series is one tracked item, however many occurrences it has.</summary>
        public string SeriesText() => Series == 0 ? "" : $" ({Say.Count(Series, "recurring series", "recurring series")}, each counted once)";

        /// <summary>The tracked items split by where they stand; the parts add up to the total.</summary>
        public string StatusText() =>
            $"Open {Open} ({Overdue} overdue) · awaiting outside bodies {Awaiting} · done {Done} · not accepted or withdrawn {Total - Open - Awaiting - Done - Unknown} · status unknown {Unknown}.";

        public string OnTimeText() => (DueSoFar == 0
            ? "On time: none of them has fallen due with a date set, so there is no live on-time rate yet."
            : $"On time: {OnTime} of {DueSoFar} one-off items of our own that have fallen due were done by their due date ({Say.Percent(Math.Round(100m * OnTime / DueSoFar, 1))}).")
            + (Undated == 0 ? "" : $" Not counted: {Say.Count(Undated, "item")} done with no completion date on record.");

        public string? TakenText() => TakenCount == 0 ? null
            : $"Time taken: {Say.Span((int)Math.Round(TakenAverage))} on average, over {Say.Count(TakenCount, "completed item")}.";

        public string? OldestText(DateOnly today) => Oldest is not { } o ? null
            : $"Longest outstanding: {o.Id}{(o.Reference is { } r ? $" ({r})" : "")}, open {Say.Span(today.DayNumber - (o.Opened ?? o.Source.Date).DayNumber)}.";

        public IReadOnlyList<ReplyFact> Facts()
        {
            var facts = new List<ReplyFact>
            {
                new("Tracked", N(Total)), new("Recurring series", N(Series)), new("Open", N(Open)), new("Overdue", N(Overdue)),
                new("Awaiting outside bodies", N(Awaiting)), new("Done", N(Done)), new("Status unknown", N(Unknown)),
                new("Fallen due", N(DueSoFar)), new("Done on time", N(OnTime)),
            };
            if (DueSoFar > 0)
            {
                facts.Add(new ReplyFact("On-time rate", Say.Percent(Math.Round(100m * OnTime / DueSoFar, 1))));
            }

            if (TakenCount > 0)
            {
                facts.Add(new ReplyFact("Average days taken", N((int)Math.Round(TakenAverage))));
            }

            return facts;
        }

        private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
