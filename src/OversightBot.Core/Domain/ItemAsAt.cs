namespace OversightBot.Core.Domain;

/// <summary>An item's status, due date and RAG as they stood at the end of a past day.</summary>
public sealed record ItemSnapshot(string Id, DateOnly AsAt, ItemStatus Status, DateOnly? Due, RagResult Rag, bool Existed);

/// <summary>
/// Rebuilds an item as it stood on a past day by undoing, newest first, every history entry recorded after that day.
/// Entries carry typed before/after values; older entries are read from their words ("open", "in progress").
/// </summary>
public static class ItemAsAt
{
    public static ItemSnapshot Reconstruct(TrackedItem item, DateOnly day, TimeZoneInfo zone, RagRule? rule = null)
    {
        var status = item.Status;
        var due = item.Due;
        var closed = item.Closed;
        foreach (var entry in Enumerable.Reverse(item.History))
        {
            var on = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(entry.At, zone).DateTime);
            if (on <= day)
            {
                break;
            }

            if (entry.Occurrence is not null)
            {
                continue;
            }

            if ((entry.FromStatus ?? StatusFromWords(entry.What == "status" ? entry.From : null)) is { } before)
            {
                status = before;
                closed = before == ItemStatus.Done ? closed : null;
            }

            var dueBefore = entry.FromDue ?? (entry.What == "due date revised" || entry.What == "due date revision approved" ? DateFromWords(entry.From) : null);
            if (dueBefore is { } d)
            {
                due = d;
            }
        }

        var existed = (item.Opened ?? item.Source.Date) <= day;
        var then = new TrackedItem
        {
            Id = item.Id, Kind = item.Kind, Title = item.Title, Source = item.Source, Owner = item.Owner,
            Due = due, Status = status, Closed = closed, Opened = item.Opened, UpdateEveryDays = item.UpdateEveryDays,
            Revisions = [.. item.Revisions.Where(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.RequestedAt, zone).DateTime) <= day)],
        };
        return new ItemSnapshot(item.Id, day, status, due, (rule ?? RagRule.Default).Evaluate(then, day), existed);
    }

    /// <summary>A status written as a word in older history ("open", "inProgress", "in progress", "not accepted").</summary>
    public static ItemStatus? StatusFromWords(string? words)
    {
        var compact = words?.Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse<ItemStatus>(compact, ignoreCase: true, out var s) && !int.TryParse(compact, out _) ? s : null;
    }

    private static DateOnly? DateFromWords(string? words) =>
        DateOnly.TryParseExact(words, ["ddd d MMM yyyy", "d MMMM yyyy", "yyyy-MM-dd"], System.Globalization.CultureInfo.GetCultureInfo("en-GB"), System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
