using System.Text.RegularExpressions;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;

namespace OversightBot.Import.Drafting;

/// <summary>
/// A member's letter and the response to it: each question the letter asks ("Can you…", "Will you…") with the
/// response date and the time taken, and each Mayor's Question the response reports on (MQ 1844…) with its state.
/// </summary>
public sealed partial class MemberLetterDrafter : IDrafter
{
    public string Kind => "member-letter";

    public bool Matches(DraftContext document) =>
        document.Paras.Any(IsQuestion) && document.Paras.Any(p => p.StartsWith("Response from"));

    public IReadOnlyList<Draft> Draft(DraftContext document)
    {
        var facts = MemberLetterFacts.Read(document);
        var drafts = new List<Draft>();
        foreach (var q in document.Paras.Where(p => p.Index < facts.ResponseAt && IsQuestion(p)))
        {
            drafts.Add(Question(facts, q));
        }

        foreach (var p in document.Paras.Where(p => p.Index > facts.ResponseAt))
        {
            if (MqLine().Match(p.Text) is { Success: true } m)
            {
                drafts.Add(MayorsQuestion(facts, p, m, document));
            }
        }

        return drafts;
    }

    private static bool IsQuestion(Para p) =>
        p.Text.EndsWith('?') && QuestionStart().IsMatch(p.Text);

    private static Draft Question(MemberLetterFacts facts, Para q)
    {
        var hash = DraftIds.Hash("member-question", facts.Letter.Document, q.Text);
        var answered = facts.ResponseDate is not null;
        var warnings = new List<string>(facts.Warnings);
        if (!answered)
        {
            warnings.Add("no reply date asked for and no response found: set a due date");
        }

        var days = facts.Letter.Date is { } asked && facts.ResponseDate is { } replied ? replied.DayNumber - asked.DayNumber : (int?)null;
        return new Draft
        {
            Id = DraftIds.FromHash(ItemKind.Question, hash),
            Kind = ItemKind.Question,
            SubKind = "Letter",
            Title = Titles.From(q.Text.TrimEnd('?')),
            Text = q.Text + (days is { } d ? $"\nAnswered {facts.ResponseDate:yyyy-MM-dd} by {facts.Responder}, {d} days after the letter." : ""),
            Owner = facts.Addressee,
            Status = answered ? ItemStatus.Done : ItemStatus.Open,
            Opened = facts.Letter.Date,
            Closed = facts.ResponseDate,
            Source = facts.Letter with { Quote = q.Text },
            Warnings = warnings,
            ContentHash = hash,
        };
    }

    private static Draft MayorsQuestion(MemberLetterFacts facts, Para p, Match m, DraftContext document)
    {
        var number = m.Groups["n"].Value;
        var pieces = p.Text.Split(" – ").Select(s => s.Trim()).ToList();
        var state = pieces.Count > 1 ? pieces[^1] : "";
        var topic = pieces.Count > 2 ? pieces[^2] : m.Groups["topic"].Value;
        topic = topic.Replace(number, "", StringComparison.Ordinal).Trim();
        var warnings = new List<string>(facts.Warnings);
        var (asked, precision) = AskedIn(topic, document, facts);
        if (asked is null)
        {
            warnings.Add("when the question was asked is not stated: set the date raised");
        }

        var hash = DraftIds.Hash("mayors-question", number);
        var answered = state.Contains("answered", StringComparison.OrdinalIgnoreCase) && !state.Contains("not", StringComparison.OrdinalIgnoreCase);
        return new Draft
        {
            Id = DraftIds.FromHash(ItemKind.Question, hash),
            Kind = ItemKind.Question,
            SubKind = "MQ",
            Reference = $"MQ {number}",
            Title = $"MQ {number}: {topic}",
            Text = $"{p.Text}\nState on {facts.ResponseDate:yyyy-MM-dd}: {state}",
            Owner = Bodies.Clean(facts.Responder?.Split(", ")[^1]),
            Status = answered ? ItemStatus.Done : ItemStatus.Open,
            Opened = asked,
            DuePrecision = precision,
            Source = facts.Response with { Quote = p.Text },
            Warnings = [.. warnings, "no answer date set for Mayor's Questions: set the due date"],
            ContentHash = hash,
        };
    }

    /// <summary>The month a question was asked: in its topic ("Stop &amp; Search June 2022") or where the letter mentions the topic.</summary>
    private static (DateOnly? Date, string? Precision) AskedIn(string topic, DraftContext document, MemberLetterFacts facts)
    {
        var reference = facts.ResponseDate ?? new DateOnly(2000, 1, 1);
        foreach (var text in new[] { topic }.Concat(document.Paras.Where(p => p.Index < facts.ResponseAt).Select(p => p.Text)))
        {
            var word = topic.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length > 3 && char.IsUpper(w[0]));
            if (text != topic && (word is null || !text.Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var at = text == topic ? 0 : text.IndexOf(word!, StringComparison.OrdinalIgnoreCase);
            var month = DateRecognizer.Recognize(text, reference)
                .Where(x => x.Type == "daterange" && x.Timex is { Length: 7 } && x.RangeStart is not null)
                .OrderBy(x => Math.Abs(x.Start - at)).FirstOrDefault();
            if (month?.RangeStart is { } start)
            {
                return (start, "month");
            }
        }

        return (null, null);
    }

    [GeneratedRegex(@"^(Can|Could|Will|Would) you\b")]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"^MQ\s*(?:–\s*)?(?<n>\d{3,5})\b(?<topic>.*)$")]
    private static partial Regex MqLine();
}
