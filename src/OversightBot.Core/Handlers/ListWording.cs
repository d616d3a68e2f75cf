using OversightBot.Core.Language;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>How a filtered list is named: "open recommendations from the Casey review for Partnership Team".</summary>
public static class ListWording
{
    public static string Describe(ItemFilter f, ListHandler.Mode mode, DateRange? due, string? ownerLabel, bool withWords)
    {
        var parts = new List<string>();
        var status = f.Status switch
        {
            StatusFilter.Open => "open",
            StatusFilter.NotStarted => "not started",
            StatusFilter.InProgress => "in-progress",
            StatusFilter.Done => "completed",
            StatusFilter.NotAccepted => "not accepted",
            StatusFilter.Withdrawn => "withdrawn",
            _ => mode == ListHandler.Mode.List ? (f.On == DateField.Completed ? "completed" : "open") : "",
        };
        if (mode == ListHandler.Mode.Overdue)
        {
            status = "overdue";
        }

        if (f.Rag is { } rag)
        {
            parts.Add(rag.ToString().ToLowerInvariant());
        }

        if (status.Length > 0)
        {
            parts.Add(status);
        }

        parts.Add(Noun(f));
        if (withWords && f.Source is { } source)
        {
            parts.Add($"matching \"{source}\"");
        }

        if (withWords && f.Theme is { } theme)
        {
            parts.Add($"about \"{theme}\"");
        }

        if (ownerLabel is not null)
        {
            parts.Add($"for {ownerLabel}");
        }

        if (mode == ListHandler.Mode.Due && due is not null)
        {
            parts.Add("due " + DueHandler.Describe(due));
        }
        else if (mode == ListHandler.Mode.List && f.Range is { } r)
        {
            var verb = f.On switch { DateField.Completed => "completed", DateField.Opened => "raised", _ => "due" };
            parts.Add($"{verb} {DueHandler.Describe(r)}");
        }

        return string.Join(' ', parts);
    }

    private static string Noun(ItemFilter f) => f.SubKind switch
    {
        "MQ" => "Mayor's Questions",
        "FOI" => "FOI requests",
        "Letter" => "letters",
        _ => f.Kind is { } k ? Say.Kind(k, 2) : "items",
    };

    /// <summary>"3 open recommendations …" with the count; "1 overdue item …" for one.</summary>
    public static string Heading(int count, string label, ListHandler.Mode mode, DateOnly today)
    {
        var text = count == 1 ? Singular(label) : label;
        return $"{count} {text}" + (mode == ListHandler.Mode.Overdue ? $" as of {Say.Date(today)}" : "");
    }

    private static string Singular(string label)
    {
        foreach (var (plural, single) in new[] { ("Mayor's Questions", "Mayor's Question"), ("FOI requests", "FOI request"), ("letters", "letter"), ("recommendations", "recommendation"), ("improvement actions", "improvement action"), ("statutory duties", "statutory duty"), ("questions", "question"), ("items", "item") })
        {
            var at = label.IndexOf(plural, StringComparison.Ordinal);
            if (at >= 0)
            {
                return label[..at] + single + label[(at + plural.Length)..];
            }
        }

        return label;
    }

    public static IReadOnlyList<ReplyFact> Facts(ItemFilter f, DateRange? due, string? ownerLabel)
    {
        var facts = new List<ReplyFact>();
        if (f.Kind is { } k)
        {
            facts.Add(new ReplyFact("Kind", Say.Kind(k)));
        }

        if (f.SubKind is { } sk)
        {
            facts.Add(new ReplyFact("Type", sk));
        }

        if (ownerLabel is not null)
        {
            facts.Add(new ReplyFact("Owner", ownerLabel));
        }

        if (f.Source is { } s)
        {
            facts.Add(new ReplyFact("Source", s));
        }

        if (f.Theme is { } t)
        {
            facts.Add(new ReplyFact("Theme", t));
        }

        if ((due ?? f.Range) is { } r)
        {
            facts.Add(new ReplyFact("From", Say.Date(r.Start)));
            facts.Add(new ReplyFact("To", Say.Date(r.End)));
        }

        return facts;
    }
}
