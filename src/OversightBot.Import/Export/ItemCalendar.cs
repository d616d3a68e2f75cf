using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using OversightBot.Core.Domain;

namespace OversightBot.Import.Export;

/// <summary>
/// iCalendar (RFC 5545) feed of items: an all-day event on each due date (a recurrence rule for recurring items), with
/// a UID that never changes for an item and a SEQUENCE and DTSTAMP that move when the item does, so Outlook and Google
/// update the event instead of adding another.
/// </summary>
public static class ItemCalendar
{
    public const string UidDomain = "oversightbot";

    public static string Write(IEnumerable<TrackedItem> items, string name)
    {
        var calendar = new Calendar { ProductId = "-//OversightBot//Deadlines//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("METHOD", "PUBLISH");
        foreach (var item in items.Where(i => i.Due is not null && i.IsOpen))
        {
            calendar.Events.Add(Event(item));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static string Uid(TrackedItem item) => $"{item.Id}@{UidDomain}";

    private static CalendarEvent Event(TrackedItem item)
    {
        var due = item.Due!.Value;
        var changed = item.History.Count > 0 ? item.History.Max(h => h.At) : new DateTimeOffset(item.Source.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var e = new CalendarEvent
        {
            Uid = Uid(item),
            Summary = $"{item.Id} due: {item.Title}",
            Description = $"{item.Title}\nOwner: {item.Owner}\nSource: {item.Source.Document} ({item.Source.Issuer}, {item.Source.Date:yyyy-MM-dd})" + (item.DueRule is { } r ? $"\nDeadline: {r}" : ""),
            DtStart = new CalDateTime(due.Year, due.Month, due.Day),
            DtEnd = new CalDateTime(due.AddDays(1).Year, due.AddDays(1).Month, due.AddDays(1).Day),
            DtStamp = new CalDateTime(changed.UtcDateTime, "UTC"),
            LastModified = new CalDateTime(changed.UtcDateTime, "UTC"),
            Sequence = item.History.Count + item.Revisions.Count,
        };
        if (item.Recurrence != Recurrence.None)
        {
            e.RecurrenceRule = (item.Recurrence switch
            {
                Recurrence.Monthly => new RecurrencePattern(FrequencyType.Monthly, 1),
                Recurrence.Quarterly => new RecurrencePattern(FrequencyType.Monthly, 3),
                _ => new RecurrencePattern(FrequencyType.Yearly, 1),
            });
        }

        return e;
    }
}
