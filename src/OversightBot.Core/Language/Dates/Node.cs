using System.Globalization;

namespace OversightBot.Core.Language.Dates;

/// <summary>A resolved expression while the scanner composes it (ranges keep an exclusive end).</summary>
internal sealed class Node
{
    public string Type { get; set; } = "date";
    public string? Timex { get; set; }
    public DateOnly? Value { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public string? Mod { get; set; }
    public decimal Seconds { get; set; }

    /// <summary>D day, W week, M month, Q quarter, Y year, F financial year, O other.</summary>
    public char Grain { get; set; } = 'D';

    /// <summary>No year was written (timex starts XXXX).</summary>
    public bool Partial { get; set; }

    public int Month { get; set; }
    public int Day { get; set; }

    /// <summary>A bare day number such as the "1" in "between 1 and 15 March".</summary>
    public bool BareDay { get; set; }

    /// <summary>A date the user typed that does not exist.</summary>
    public string? Invalid { get; set; }

    /// <summary>The end day itself is included ("by Friday").</summary>
    public bool Deadline { get; set; }

    public DateOnly? First => Value ?? Start;

    public static Node OnDay(DateOnly d, string? timex = null) => new() { Value = d, Timex = timex ?? Tx.D(d), Month = d.Month, Day = d.Day };

    public static Node Range(DateOnly start, DateOnly end, string timex, char grain) =>
        new() { Type = "daterange", Start = start, End = end, Timex = timex, Grain = grain, Month = start.Month };
}

/// <summary>TIMEX3 strings as datetimeV2 writes them.</summary>
internal static class Tx
{
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Y(int y) => y.ToString("D4", CultureInfo.InvariantCulture);

    public static string M(int y, int m) => $"{Y(y)}-{m:D2}";

    public static string Week(DateOnly monday) =>
        $"{Y(ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue)))}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):D2}";

    public static string Span(DateOnly s, DateOnly e, string duration) => $"({D(s)},{D(e)},{duration})";

    public static string Span(string s, string e, string duration) => $"({s},{e},{duration})";

    public static string Num(decimal n) => n.ToString("0.####", CultureInfo.InvariantCulture);

    public static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    public static DateOnly? Make(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    public static int MonthsBetween(DateOnly a, DateOnly b) => (b.Year - a.Year) * 12 + b.Month - a.Month;
}
