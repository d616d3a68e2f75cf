using OversightBot.Core.Domain;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>Turns stored items into reply rows.</summary>
public static class ReplyItems
{
    public static ReplyItem From(TrackedItem item, DateOnly today, string? note = null) => new()
    {
        Id = item.Id,
        Kind = KindName(item.Kind),
        Title = item.Title,
        Owner = item.Owner,
        Due = item.Due,
        Status = StatusName(item.Status),
        DaysOverdue = item.IsOverdue(today) ? item.DaysOverdue(today) : null,
        Source = new ReplySource(item.Source.Document, item.Source.Date, item.Source.Issuer, item.Source.Link, item.Source.Quote),
        Reference = item.Reference,
        Note = note,
    };

    public static string KindName(ItemKind kind) => kind switch
    {
        ItemKind.Recommendation => "recommendation",
        ItemKind.ImprovementAction => "improvementAction",
        ItemKind.StatutoryDuty => "statutoryDuty",
        _ => "question",
    };

    public static string StatusName(ItemStatus status) => status switch
    {
        ItemStatus.Open => "open",
        ItemStatus.InProgress => "inProgress",
        ItemStatus.Done => "done",
        ItemStatus.NotAccepted => "notAccepted",
        ItemStatus.Waived => "waived",
        ItemStatus.Unknown => "unknown",
        _ => "withdrawn",
    };

    /// <summary>Human wording of a status.</summary>
    public static string StatusText(ItemStatus status) => Say.Status(status);

    public static string Date(DateOnly date) => Say.Date(date);

    public static string Days(int n) => Say.Days(n);
}
