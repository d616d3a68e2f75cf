namespace OversightBot.Core.Domain;

/// <summary>A parent's standing summarised from its parts: "2 of 3 parts done; 1 overdue".</summary>
public sealed record PartsSummary(int Parts, int Done, int Open, int Overdue, int Unknown)
{
    public static PartsSummary Of(IEnumerable<TrackedItem> parts, DateOnly today)
    {
        var list = parts.ToList();
        return new PartsSummary(
            list.Count,
            list.Count(p => p.Status is ItemStatus.Done or ItemStatus.Waived),
            list.Count(p => p.IsOpen),
            list.Count(p => p.IsOverdue(today)),
            list.Count(p => p.Status == ItemStatus.Unknown));
    }

    /// <summary>The status the parent shows: done when every part is closed, in progress when some are done.</summary>
    public ItemStatus? Status => Parts == 0 ? null
        : Open == 0 && Unknown == 0 ? ItemStatus.Done
        : Done > 0 ? ItemStatus.InProgress
        : ItemStatus.Open;

    public string Text => Parts == 0 ? "no parts"
        : $"{Done} of {Parts} part{(Parts == 1 ? "" : "s")} done" + (Overdue > 0 ? $"; {Overdue} overdue" : "") + (Unknown > 0 ? $"; {Unknown} unknown" : "");
}
