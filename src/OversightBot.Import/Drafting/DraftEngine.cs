using OversightBot.Import.Reading;

namespace OversightBot.Import.Drafting;

/// <summary>What one file gave: the kinds of document recognised, the drafts, and rows that could not be read.</summary>
public sealed record FileDrafts(string File, IReadOnlyList<string> Kinds, IReadOnlyList<Draft> Drafts, IReadOnlyList<RowError> RowErrors)
{
    /// <summary>Remarks about the file as a whole: no drafter recognised it, it carries no date…</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Reads a file and runs the drafters its kind asks for; <c>auto</c> runs every drafter that recognises the document.</summary>
public static class DraftEngine
{
    public static readonly IReadOnlyList<IDrafter> Drafters =
        [new DecisionDrafter(), new LetterDrafter(), new GovernanceDrafter(), new MemberLetterDrafter(), new InspectionDrafter(), new ReportDrafter()];

    public static readonly IReadOnlyList<string> KindNames =
        ["auto", .. Drafters.Select(d => d.Kind), "csv", "xlsx", "json"];

    public static FileDrafts Draft(InputFile file, string kind = "auto")
    {
        if (!KindNames.Contains(kind, StringComparer.Ordinal))
        {
            throw new ImportException($"--kind '{kind}' is not one of {string.Join(", ", KindNames)}.");
        }

        var asTable = kind is "csv" or "xlsx" || (kind == "auto" && file.Format is InputFormat.Csv or InputFormat.Xlsx);
        if (asTable)
        {
            var sheet = file.Format == InputFormat.Xlsx ? XlsxSheet.Read(file) : CsvSheet.Read(file);
            var (drafts, errors) = TrackerDrafter.Draft(sheet, file.Name);
            return new FileDrafts(file.Name, [file.Format == InputFormat.Xlsx ? "xlsx" : "csv"], drafts, errors);
        }

        if (kind == "json" || (kind == "auto" && file.Format == InputFormat.Json))
        {
            return new FileDrafts(file.Name, ["json"], ItemsFile.Read(file), []);
        }

        if (file.Format is InputFormat.Csv or InputFormat.Xlsx or InputFormat.Json)
        {
            throw new ImportException($"{file.Name}: a {file.Format} file cannot be read as --kind {kind}.");
        }

        var document = new DraftContext(file.Name, DocumentText.Read(file));
        var chosen = kind == "auto" ? Drafters.Where(d => d.Matches(document)).ToList() : [.. Drafters.Where(d => d.Kind == kind)];
        var all = chosen.SelectMany(d => d.Draft(document)).ToList();
        if (chosen.Count == 0)
        {
            document.Notes.Add(kind == "auto"
                ? $"not recognised as any of: {string.Join(", ", Drafters.Select(d => d.Kind))}; nothing drafted (name the kind with --kind)"
                : $"nothing drafted as --kind {kind}");
        }
        else if (all.Count == 0)
        {
            document.Notes.Add($"read as {string.Join(" + ", chosen.Select(d => d.Kind))}, but nothing to track was found");
        }

        return new FileDrafts(file.Name, [.. chosen.Select(d => d.Kind)], Unique(all), []) { Notes = document.Notes };
    }

    /// <summary>Two drafts that ask for the same id (a six-digit clash) get the next free number, in document order.</summary>
    private static List<Draft> Unique(List<Draft> drafts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Draft>();
        foreach (var d in drafts)
        {
            var draft = d;
            for (var probe = 1; !seen.Add(draft.Id); probe++)
            {
                draft = draft with { Id = DraftIds.FromHash(draft.Kind, draft.ContentHash, probe) };
            }

            result.Add(draft);
        }

        return result;
    }
}
