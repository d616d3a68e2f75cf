using System.Collections.Frozen;

namespace OversightBot.Core.Language.Dates;

/// <summary>Month, weekday and number words.</summary>
internal static class Lexicon
{
    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sept"] = 9, ["sep"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday,
        ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["a"] = 1, ["an"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["couple"] = 2,
        ["few"] = 3, ["several"] = 3, ["some"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8,
        ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13, ["fourteenth"] = 14,
        ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20,
        ["thirtieth"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that can begin a date expression; any other word is skipped at once.</summary>
    private static readonly FrozenSet<string> Starters = new[]
    {
        "today", "tomorrow", "tmrw", "tmr", "yesterday", "otd", "overdue", "the", "a", "an", "in", "this", "next", "last", "previous", "past",
        "coming", "following", "upcoming", "current", "prior", "within", "year", "week", "w", "end", "beginning", "start", "middle", "mid",
        "eoy", "later", "earlier", "before", "by", "no", "not", "after", "since", "starting", "as", "until", "till", "to", "between", "from",
        "every", "each", "once", "daily", "everyday", "weekly", "fortnightly", "monthly", "quarterly", "annually", "yearly", "annual",
        "semiannual", "semiannually", "biannually", "biannual", "bimonthly", "biweekly", "semi", "bi", "weekends", "any", "q", "h", "fy",
        "sy", "cy", "calendar", "fiscal", "financial", "tax", "school", "more", "less", "all", "another", "for", "easter", "christmas", "xmas",
        "halloween", "juneteenth", "new", "independence", "earth", "saint", "st", "valentine", "boxing", "black", "thanksgiving", "spring",
        "summer", "autumn", "fall", "winter", "half", "couple", "nineteen", "hundred", "thousand", "eod", "cob", "cop", "close",
        "when", "at", "during", "following", "shortly", "soon", "asap",
    }.Concat(Months.Keys).Concat(Weekdays.Keys).Concat(Units.Keys).Concat(Tens.Keys).Concat(Ordinals.Keys).ToFrozenSet(StringComparer.Ordinal);

    public static bool CanStart(Tok t) => t.Kind switch
    {
        TokKind.Number => true,
        TokKind.Word => Starters.Contains(t.Text),
        _ => t.Text is "½",
    };

    public static bool IsOrdinalSuffix(string s) => s is "st" or "nd" or "rd" or "th";

    public static DayOfWeek? Weekday(Tok t) => t.Kind == TokKind.Word && Weekdays.TryGetValue(t.Text, out var d) ? d : null;

    public static int Month(Tok t) => t.Kind == TokKind.Word && Months.TryGetValue(t.Text, out var m) ? m : 0;
}
