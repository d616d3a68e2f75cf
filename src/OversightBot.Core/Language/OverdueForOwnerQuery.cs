namespace OversightBot.Core.Language;

/// <summary>"What's overdue for the Partnership Team?": overdue items of one owner (a person or a team).</summary>
public sealed record OverdueForOwnerQuery(string Owner) : Intent("overdue");
