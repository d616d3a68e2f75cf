using System.Globalization;

namespace OversightBot.Core.Language;

/// <summary>The fields of the newer intents as plain values, for <c>parse --json</c> and other tools.</summary>
public static class IntentDetails
{
    public static Dictionary<string, object?> Of(Intent intent) => intent switch
    {
        OverdueQuery { Filter: { } f } => Filter(f),
        DueQuery { Filter: { } f } => Filter(f),
        ListQuery q => Filter(q.Filter),
        StatsQuery q => With(Filter(q.Filter), "measure", q.Measure),
        HistoryQuery q => new() { ["itemId"] = q.ItemId, ["words"] = q.Words },
        AddItem a => new()
        {
            ["title"] = a.Title, ["owner"] = a.Owner, ["due"] = Iso(a.Due), ["dueRule"] = a.DueRule, ["kind"] = a.Kind?.ToString(),
            ["subKind"] = a.SubKind, ["source"] = a.Source,
        },
        RecordBoard r => new()
        {
            ["board"] = r.Board, ["event"] = r.Event.ToString(), ["publication"] = r.Publication?.ToString(), ["date"] = Iso(r.Date),
            ["meetingDate"] = Iso(r.MeetingDate),
        },
        UpdateItem { Words: { } w } => new() { ["words"] = w },
        _ => [],
    };

    /// <summary>The aspect of a status question ("due", "owner", "age", "status").</summary>
    public static string Aspect(ItemAspect aspect) => aspect.ToString().ToLowerInvariant();

    private static Dictionary<string, object?> Filter(ItemFilter f) => new()
    {
        ["kind"] = f.Kind?.ToString(),
        ["subKind"] = f.SubKind,
        ["status"] = f.Status == StatusFilter.Default ? null : f.Status.ToString(),
        ["owner"] = f.Owner,
        ["scope"] = f.Scope == Scope.None ? null : f.Scope.ToString(),
        ["source"] = f.Source,
        ["theme"] = f.Theme,
        ["rag"] = f.Rag?.ToString(),
        ["from"] = Iso(f.Range?.Start),
        ["to"] = Iso(f.Range?.End),
        ["dateField"] = f.Range is null ? null : f.On.ToString(),
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> d, string key, object? value)
    {
        d[key] = value;
        return d;
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
