using OversightBot.Import.Drafting;

namespace OversightBot.Import.Importing;

/// <summary>What will happen to a draft: stored as new, or left alone because the store already has it.</summary>
public enum PlannedAction
{
    New,
    AlreadyImported,
}

public sealed record PlannedItem(string File, Draft Draft, PlannedAction Action);

/// <summary>The drafts of every file, each with its final id and what committing will do with it.</summary>
public sealed record ImportPlan(IReadOnlyList<FileDrafts> Files, IReadOnlyList<PlannedItem> Items)
{
    public int NewCount => Items.Count(i => i.Action == PlannedAction.New);

    public int WarningCount => Items.Count(i => i.Draft.Warnings.Count > 0);

    public IEnumerable<RowError> RowErrors => Files.SelectMany(f => f.RowErrors);
}
