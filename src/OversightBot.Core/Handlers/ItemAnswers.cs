using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>The one-line answers about one item: when it is due, who owns it, how long it has been open.</summary>
public static class ItemAnswers
{
    /// <summary>"Fri 3 Feb 2023 (by Friday 3 February 2023)", "no date set (promised at the meeting on 2 November 2022)".</summary>
    public static string DueText(TrackedItem item)
    {
        var rule = item.DueRule?.Trim();
        if (item.Due is { } d)
        {
            return Say.WithRemark(Say.Date(d), rule);
        }

        if (rule is null)
        {
            return "no date set";
        }

        // "none set (promised at …)" says "no date" itself: keep only what it adds.
        foreach (var lead in new[] { "none stated", "not stated", "none given", "none set", "no date set", "no date", "none" })
        {
            if (rule.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                rule = rule[lead.Length..].Trim().TrimStart('(', ',', ';', '-', '—').TrimEnd(')').Trim();
                break;
            }
        }

        return Say.WithRemark("no date set", rule.Length == 0 ? null : rule);
    }

    /// <summary>How long it has been open (or took), from when it was raised; null when that is unknown.</summary>
    public static string? Age(TrackedItem item, DateOnly today)
    {
        var from = item.Opened ?? item.Source.Date;
        if (item.IsOpen)
        {
            return from <= today ? $"{Say.Span(today.DayNumber - from.DayNumber)}, since {Say.Date(from)}" : null;
        }

        return item.Closed is { } c && c >= from ? $"{Say.Span(c.DayNumber - from.DayNumber)}, {Say.Date(from)} to {Say.Date(c)}" : null;
    }

    /// <summary>The sentence that answers the question asked, before the item's details.</summary>
    public static string? Lead(TrackedItem item, ItemAspect aspect, DateOnly today)
    {
        var name = item.Reference is { } r && !item.Title.StartsWith(r, StringComparison.Ordinal) ? $"{item.Id} ({r})" : item.Id;
        switch (aspect)
        {
            case ItemAspect.Due:
                var state = item.IsOverdue(today) ? $"; it is {Say.Status(item.Status)} and {Say.Late(item.DaysOverdue(today))}"
                    : item.IsOpen ? $"; it is {Say.Status(item.Status)}" : $"; it is {Say.Status(item.Status)}{(item.Closed is { } c ? $" (closed {Say.Date(c)})" : "")}";
                return item.Due is { } d
                    ? $"{name} {(d < today ? "was" : "is")} due {Say.WithRemark(Say.Date(d), item.DueRule)}{state}."
                    : $"{name} has no due date: {DueText(item)}{state}.";
            case ItemAspect.Owner:
                return $"{name} is owned by {item.Owner}.";
            case ItemAspect.Age:
                var from = item.Opened ?? item.Source.Date;
                if (item.IsOpen)
                {
                    return $"{name} has been outstanding for {Say.Span(Math.Max(0, today.DayNumber - from.DayNumber))}, since {Say.Date(from)}"
                        + (item.IsOverdue(today) ? $", and is {Say.Late(item.DaysOverdue(today))}." : ".");
                }

                return item.Closed is { } closed
                    ? $"{name} took {Say.Span(Math.Max(0, closed.DayNumber - from.DayNumber))}: raised {Say.Date(from)}, {Say.Status(item.Status)} {Say.Date(closed)}."
                    : $"{name} is {Say.Status(item.Status)}; the day it closed is not on record (raised {Say.Date(from)}).";
            default:
                return null;
        }
    }
}
