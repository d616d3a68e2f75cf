namespace OversightBot.Import.Drafting;

/// <summary>
/// The column mapping of spreadsheet trackers: header names (any case, spaces and punctuation ignored) and the
/// field each fills. A header row is the first row in the first 20 that names a title column and one other field.
/// </summary>
public static class TrackerColumns
{
    public static readonly IReadOnlyDictionary<string, string[]> Aliases = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["id"] = ["id", "ref", "refno", "itemid", "actionid", "recommendationid", "no"],
        ["title"] = ["title", "action", "recommendation", "description", "summary", "item", "actiontotake"],
        ["text"] = ["text", "detail", "details", "notes", "fulltext"],
        ["owner"] = ["owner", "lead", "responsible", "actionowner", "accountable", "leadofficer"],
        ["due"] = ["due", "duedate", "deadline", "targetdate", "bywhen", "date due"],
        ["status"] = ["status", "rag", "state", "progress"],
        ["kind"] = ["kind", "type", "category"],
        ["subkind"] = ["subkind", "subtype"],
        ["reference"] = ["reference", "externalreference", "externalref", "mq"],
        ["source"] = ["source", "sourcedocument", "document", "origin"],
        ["issuer"] = ["issuer", "sourceissuer", "raisedby", "from"],
        ["sourcedate"] = ["sourcedate", "dateraised", "raised", "documentdate"],
        ["quote"] = ["quote", "sourcequote"],
        ["opened"] = ["opened", "datestarted"],
        ["closed"] = ["closed", "completed", "datecompleted", "dateclosed"],
        ["recurrence"] = ["recurrence", "frequency", "repeats", "recurring"],
        ["parent"] = ["parent", "parentid", "partof"],
        ["board"] = ["board", "committee", "meeting"],
    };

    public static string Key(string header) =>
        new([.. header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    public static string? FieldOf(string header)
    {
        var key = Key(header);
        return key.Length == 0 ? null : Aliases.FirstOrDefault(a => a.Value.Contains(key, StringComparer.Ordinal)).Key;
    }
}
