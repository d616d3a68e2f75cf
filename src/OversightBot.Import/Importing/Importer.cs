using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Import.Drafting;
using OversightBot.Import.Reading;

namespace OversightBot.Import.Importing;

/// <summary>
/// Plans an import (read, draft, find what the store already has, suggest links) and commits it. Every file is read
/// and drafted before anything is written, so a bad file stops the import with nothing half-written; items the store
/// already has are left as they are, so importing the same document twice changes nothing and keeps edits.
/// </summary>
public sealed class Importer(IItemStore store, TimeProvider clock)
{
    private const int MaxProbes = 50;

    public async Task<ImportPlan> PlanAsync(IEnumerable<InputFile> files, string kind, CancellationToken ct, IProgress<string>? progress = null)
    {
        var drafted = new List<FileDrafts>();
        foreach (var file in files)
        {
            progress?.Report(file.Name);
            drafted.Add(DraftEngine.Draft(file, kind));
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<PlannedItem>();
        foreach (var (file, draft) in drafted.SelectMany(f => f.Drafts.Select(d => (f.File, d))))
        {
            var planned = await PlaceAsync(file, draft, taken, ct);
            taken.Add(planned.Draft.Id);
            items.Add(planned);
        }

        var withLinks = new List<PlannedItem>(items.Count);
        foreach (var item in items)
        {
            withLinks.Add(item.Action == PlannedAction.New ? item with { Draft = item.Draft with { Suggested = await LinkSuggester.SuggestAsync(store, item.Draft, ct) } } : item);
        }

        return new ImportPlan(drafted, withLinks);
    }

    /// <summary>Stores the new items of <paramref name="plan"/> in one write; returns how many were stored.</summary>
    public async Task<int> CommitAsync(ImportPlan plan, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var fresh = plan.Items.Where(i => i.Action == PlannedAction.New).Select(i => ItemMapper.ToItem(i.Draft, now, by)).ToList();
        if (fresh.Count > 0)
        {
            await store.UpsertManyAsync(fresh, ct);
        }

        return fresh.Count;
    }

    private async Task<PlannedItem> PlaceAsync(string file, Draft draft, HashSet<string> taken, CancellationToken ct)
    {
        var explicitId = draft.FixedId;
        for (var probe = 0; probe < (explicitId ? 1 : MaxProbes); probe++)
        {
            var id = explicitId ? draft.Id : DraftIds.FromHash(draft.Kind, draft.ContentHash, probe);
            if (taken.Contains(id))
            {
                if (explicitId)
                {
                    return new PlannedItem(file, draft, PlannedAction.AlreadyImported);
                }

                continue;
            }

            var existing = await store.GetAsync(id, ct);
            if (existing is null)
            {
                return new PlannedItem(file, draft with { Id = id }, PlannedAction.New);
            }

            if (explicitId || ItemMapper.ImportedHash(existing) == draft.ContentHash[..16])
            {
                return new PlannedItem(file, draft with { Id = id }, PlannedAction.AlreadyImported);
            }
        }

        throw new ImportException($"no free id for '{draft.Title}' after {MaxProbes} tries; the store is unusually full of imported items.");
    }
}
