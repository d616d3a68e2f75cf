using System.Globalization;
using OversightBot.Core.Domain;
using OversightBot.Import.Importing;

namespace OversightBot.Cli;

/// <summary>The review table of an import: one line per drafted item, its warnings under it, and a summary per file.</summary>
public static class ImportReview
{
    public static async Task WriteAsync(ImportPlan plan, TextWriter output)
    {
        await output.WriteLineAsync($"{"ID",-9} {"KIND",-11} {"DUE",-10} {"OWNER",-30} TITLE");
        foreach (var item in plan.Items)
        {
            var d = item.Draft;
            var due = d.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
            var recurs = d.Recurrence == Recurrence.None ? "" : $" ({d.Recurrence.ToString().ToLowerInvariant()})";
            var again = item.Action == PlannedAction.AlreadyImported ? " [already imported]" : "";
            await output.WriteLineAsync($"{d.Id,-9} {Short(d.Kind),-11} {due,-10} {Cut(d.Owner ?? "(none)", 30),-30} {d.Title}{recurs}{again}");
            foreach (var part in d.Parts)
            {
                await output.WriteLineAsync($"{"",33}({part.Label}) {Cut(part.Text, 90)}");
            }

            foreach (var warning in d.Warnings)
            {
                await output.WriteLineAsync($"{"",10}! {warning}");
            }

            foreach (var link in d.Suggested)
            {
                await output.WriteLineAsync($"{"",10}~ may be the same as {link.ItemId} \"{Cut(link.Title, 70)}\" (score {link.Score.ToString("0.00", CultureInfo.InvariantCulture)})");
            }
        }
    }

    public static async Task WriteSummaryAsync(ImportPlan plan, bool dryRun, int stored, TextWriter output)
    {
        foreach (var file in plan.Files)
        {
            var items = plan.Items.Where(i => i.File == file.File).ToList();
            var kinds = file.Kinds.Count == 0 ? "not recognised" : string.Join(" + ", file.Kinds);
            await output.WriteLineAsync($"{file.File} ({kinds}): {file.Drafts.Count} drafted, {items.Count(i => i.Action == PlannedAction.New)} new, {items.Count(i => i.Draft.Warnings.Count > 0)} with warnings");
            foreach (var note in file.Notes)
            {
                await output.WriteLineAsync($"  note: {note}");
            }

            foreach (var row in file.RowErrors)
            {
                await output.WriteLineAsync($"  row {row.Row}: {row.Message} (skipped)");
            }
        }

        var already = plan.Items.Count - plan.NewCount;
        await output.WriteLineAsync(dryRun
            ? $"Dry run: {plan.NewCount} new, {already} already imported; nothing was stored."
            : $"Stored {stored} new item(s); {already} already imported (left as they are).");
    }

    private static string Short(ItemKind kind) => kind switch
    {
        ItemKind.Recommendation => "recommend.",
        ItemKind.ImprovementAction => "action",
        ItemKind.StatutoryDuty => "duty",
        _ => "question",
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
