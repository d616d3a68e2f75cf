using OversightBot.Core.Domain;
using System.Text.RegularExpressions;

namespace OversightBot.Import.Drafting;

/// <summary>One tracker row as a draft; a value that cannot be read throws <see cref="FormatException"/> with the reason.</summary>
internal static partial class TrackerRow
{
    public static Draft Read(Dictionary<string, string> cells, string file, string sheet)
    {
        string Get(string field) => cells.TryGetValue(field, out var v) ? v : "";
        var title = Get("title");
        if (title.Length == 0)
        {
            throw new FormatException("the title is empty");
        }

        var id = Get("id");
        var kind = KindOf(Get("kind"), id);
        var due = TrackerDrafter.ParseDate(Get("due"), "due");
        var sourceDate = TrackerDrafter.ParseDate(Get("sourcedate"), "source date");
        var owner = Get("owner");
        var warnings = new List<string>();
        if (owner.Length == 0)
        {
            warnings.Add("no owner: set one");
        }

        if (due is null && Get("recurrence").Length == 0)
        {
            warnings.Add("no due date");
        }

        var document = Get("source").Length > 0 ? Get("source") : sheet;
        var hash = DraftIds.Hash("tracker", document, id, title);
        if (id.Length > 0 && !ItemId().IsMatch(id))
        {
            throw new FormatException($"id '{id}' is not an item id like R-12, A-3, S-7 or Q-4 (leave the column empty to have one made)");
        }

        return new Draft
        {
            Id = id.Length > 0 ? id.ToUpperInvariant() : DraftIds.FromHash(kind, hash),
            FixedId = id.Length > 0,
            Kind = kind,
            SubKind = Empty(Get("subkind")),
            Reference = Empty(Get("reference")),
            Title = title,
            Text = Get("text"),
            Owner = Empty(owner),
            Due = due,
            DuePrecision = due is null ? null : "day",
            Recurrence = RecurrenceOf(Get("recurrence")),
            Status = StatusOf(Get("status")),
            Opened = TrackerDrafter.ParseDate(Get("opened"), "opened"),
            Closed = TrackerDrafter.ParseDate(Get("closed"), "closed"),
            Board = Empty(Get("board")),
            Section = Empty(Get("parent")),
            Source = new DraftSource(document, Get("issuer").Length > 0 ? Get("issuer") : "tracker " + file, sourceDate, Get("quote"), file),
            Warnings = warnings,
            ContentHash = hash,
        };
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static ItemKind KindOf(string raw, string id)
    {
        var key = TrackerColumns.Key(raw);
        return key switch
        {
            "" when id.Length > 1 => char.ToUpperInvariant(id[0]) switch
            {
                'A' => ItemKind.ImprovementAction,
                'S' => ItemKind.StatutoryDuty,
                'Q' => ItemKind.Question,
                _ => ItemKind.Recommendation,
            },
            "" or "recommendation" or "rec" => ItemKind.Recommendation,
            "improvementaction" or "action" or "improvement" => ItemKind.ImprovementAction,
            "statutoryduty" or "duty" or "statutory" => ItemKind.StatutoryDuty,
            "question" or "request" or "mq" or "foi" => ItemKind.Question,
            _ => throw new FormatException($"kind '{raw}' is not one of recommendation, action, duty, question"),
        };
    }

    private static ItemStatus StatusOf(string raw) => TrackerColumns.Key(raw) switch
    {
        "" or "open" or "notstarted" or "red" or "amber" => ItemStatus.Open,
        "inprogress" or "ongoing" or "started" => ItemStatus.InProgress,
        "done" or "complete" or "completed" or "closed" or "green" => ItemStatus.Done,
        "notaccepted" or "rejected" => ItemStatus.NotAccepted,
        "withdrawn" or "superseded" => ItemStatus.Withdrawn,
        _ => throw new FormatException($"status '{raw}' is not one of open, in progress, done, not accepted, withdrawn"),
    };

    private static Recurrence RecurrenceOf(string raw) => TrackerColumns.Key(raw) switch
    {
        "" or "none" or "no" => Recurrence.None,
        "monthly" or "month" => Recurrence.Monthly,
        "quarterly" or "quarter" => Recurrence.Quarterly,
        "annually" or "annual" or "yearly" => Recurrence.Annually,
        _ => throw new FormatException($"recurrence '{raw}' is not one of monthly, quarterly, annually"),
    };

    [GeneratedRegex(@"^[RASQrasq]-[0-9]{1,6}$")]
    private static partial Regex ItemId();
}
