using OversightBot.Core.Language.Dates;

namespace OversightBot.Core.Language;

/// <summary>How to read periods whose year is not written.</summary>
public enum DateConventions
{
    /// <summary>British product reading: "in July", "Q4" and "between April and June" fix the reference year; month ranges include the last month.</summary>
    British,

    /// <summary>The datetimeV2 spec's reading: "in July" is XXXX-07 and "from March to May" ends on 1 May.</summary>
    Spec,
}

/// <summary>
/// English date expressions with UK conventions (day-first numbers, 1 April financial years), resolved against a
/// reference date. Pure and thread-safe; linear in the input length.
/// </summary>
public static class DateRecognizer
{
    public static IReadOnlyList<DateMention> Recognize(string? text, DateOnly reference, DateConventions conventions = DateConventions.British)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var tokens = Tokenizer.Tokenize(text);
        var found = DateScanner.Scan(tokens, reference, conventions == DateConventions.British);
        var list = new List<DateMention>(found.Count);
        foreach (var (from, to, n) in found)
        {
            var start = tokens[from].Start;
            var end = tokens[to - 1].End;
            list.Add(new DateMention(start, end, text[start..end], n.Type, n.Timex, n.Mod)
            {
                Date = n.Type == "date" ? n.Value : null,
                RangeStart = n.Type == "daterange" ? n.Start : null,
                RangeEndExclusive = n.Type == "daterange" ? n.End : null,
                DurationSeconds = n.Type == "duration" ? Tx.Num(n.Seconds) : null,
                InvalidText = n.Invalid is null ? null : n.Invalid == "?" ? text[start..end] : n.Invalid,
                EndIsDeadline = n.Deadline,
            });
        }

        return list;
    }
}
