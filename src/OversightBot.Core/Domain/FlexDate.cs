using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OversightBot.Core.Domain;

/// <summary>How exactly a source states a date.</summary>
public enum DatePrecision
{
    Day,
    Month,
    /// <summary>A calendar quarter: January to March, April to June, …</summary>
    Quarter,
    Year,
    /// <summary>A UK financial year, 1 April to 31 March.</summary>
    FinancialYear,
    /// <summary>A quarter of a UK financial year: Q1 is April to June.</summary>
    FinancialQuarter,
}

/// <summary>
/// A date as precise as its source: a day, a month, a quarter or a (financial) year. It is shown as written
/// ("December 2020", "during 2023/24") and compared by a single rule: a period counts as its last day, so a deadline
/// of "December 2020" is met until 31 December 2020 and "published December 2020" is taken as late as possible.
/// Written and parsed as <c>2023-02-06</c>, <c>2023-02</c>, <c>2023-Q1</c>, <c>2023</c>, <c>2023/24</c>, <c>2023/24-Q1</c>.
/// </summary>
[JsonConverter(typeof(FlexDateJsonConverter))]
public readonly record struct FlexDate(DateOnly Start, DatePrecision Precision) : IComparable<FlexDate>
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static FlexDate OnDay(DateOnly day) => new(day, DatePrecision.Day);

    public static FlexDate InMonth(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);

    public static FlexDate InQuarter(int year, int quarter) => new(new DateOnly(year, ((quarter - 1) * 3) + 1, 1), DatePrecision.Quarter);

    public static FlexDate InYear(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);

    /// <summary>The financial year starting 1 April <paramref name="startYear"/> ("2023/24").</summary>
    public static FlexDate InFinancialYear(int startYear) => new(new DateOnly(startYear, 4, 1), DatePrecision.FinancialYear);

    /// <summary>Quarter 1–4 of the financial year starting 1 April <paramref name="startYear"/>.</summary>
    public static FlexDate InFinancialQuarter(int startYear, int quarter) =>
        new(new DateOnly(startYear, 4, 1).AddMonths((quarter - 1) * 3), DatePrecision.FinancialQuarter);

    /// <summary>The last day of the period: the day a deadline stated this way falls due.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Day => Start,
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        DatePrecision.Quarter or DatePrecision.FinancialQuarter => Start.AddMonths(3).AddDays(-1),
        _ => Start.AddYears(1).AddDays(-1),
    };

    /// <summary>True when the whole period lies before <paramref name="day"/>.</summary>
    public bool IsBefore(DateOnly day) => End < day;

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public int CompareTo(FlexDate other)
    {
        var byEnd = End.CompareTo(other.End);
        return byEnd != 0 ? byEnd : Start.CompareTo(other.Start);
    }

    public static bool operator <(FlexDate a, FlexDate b) => a.CompareTo(b) < 0;

    public static bool operator <=(FlexDate a, FlexDate b) => a.CompareTo(b) <= 0;

    public static bool operator >(FlexDate a, FlexDate b) => a.CompareTo(b) > 0;

    public static bool operator >=(FlexDate a, FlexDate b) => a.CompareTo(b) >= 0;

    /// <summary>As a reader would write it: "6 February 2023", "December 2020", "Q1 2023", "2023/24", "Q2 2023/24".</summary>
    public string Text => Precision switch
    {
        DatePrecision.Day => Start.ToString("d MMMM yyyy", British),
        DatePrecision.Month => Start.ToString("MMMM yyyy", British),
        DatePrecision.Quarter => $"Q{((Start.Month - 1) / 3) + 1} {Start.Year}",
        DatePrecision.Year => Start.Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.FinancialYear => FinancialYearText(Start.Year),
        _ => $"Q{FinancialQuarterNumber} {FinancialYearText(FinancialYearStart)}",
    };

    /// <summary>With the preposition a sentence needs: "on 6 February 2023", "in December 2020", "during 2023/24".</summary>
    public string InSentence => Precision switch
    {
        DatePrecision.Day => "on " + Text,
        DatePrecision.FinancialYear => "during " + Text,
        _ => "in " + Text,
    };

    /// <summary>The stored form, read back by <see cref="Parse"/>.</summary>
    public string Code => Precision switch
    {
        DatePrecision.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Quarter => $"{Start.Year}-Q{((Start.Month - 1) / 3) + 1}",
        DatePrecision.Year => Start.Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.FinancialYear => FinancialYearText(Start.Year),
        _ => $"{FinancialYearText(FinancialYearStart)}-Q{FinancialQuarterNumber}",
    };

    private int FinancialYearStart => Start.Month >= 4 ? Start.Year : Start.Year - 1;

    private int FinancialQuarterNumber => ((Start.Month + 8) % 12 / 3) + 1;

    private static string FinancialYearText(int startYear) => $"{startYear}/{(startYear + 1) % 100:00}";

    public override string ToString() => Text;

    public static FlexDate Parse(string code) =>
        TryParse(code, out var date) ? date : throw new FormatException($"'{code}' is not a date: use 2023-02-06, 2023-02, 2023-Q1, 2023, 2023/24 or 2023/24-Q1.");

    public static bool TryParse(string? code, out FlexDate date)
    {
        date = default;
        var s = code?.Trim() ?? "";
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day))
        {
            date = OnDay(day);
            return true;
        }

        if (DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var month) && s.Length == 7)
        {
            date = new FlexDate(month, DatePrecision.Month);
            return true;
        }

        if (s.Length == 7 && s[4..6] is "-Q" && Year(s[..4]) is { } qy && s[6] is >= '1' and <= '4')
        {
            date = InQuarter(qy, s[6] - '0');
            return true;
        }

        if (s.Length == 4 && Year(s) is { } y)
        {
            date = InYear(y);
            return true;
        }

        return TryParseFinancial(s, out date);
    }

    private static bool TryParseFinancial(string s, out FlexDate date)
    {
        date = default;
        if (s.Length < 7 || s[4] != '/' || Year(s[..4]) is not { } start || s.Substring(5, 2) != ((start + 1) % 100).ToString("00", CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (s.Length == 7)
        {
            date = InFinancialYear(start);
            return true;
        }

        if (s.Length == 10 && s[7..9] == "-Q" && s[9] is >= '1' and <= '4')
        {
            date = InFinancialQuarter(start, s[9] - '0');
            return true;
        }

        return false;
    }

    private static int? Year(string s) =>
        s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2999 ? y : null;
}

/// <summary>JSON form of a <see cref="FlexDate"/>: its <see cref="FlexDate.Code"/>.</summary>
public sealed class FlexDateJsonConverter : JsonConverter<FlexDate>
{
    public override FlexDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FlexDate.TryParse(reader.GetString(), out var d) ? d : throw new JsonException($"'{reader.GetString()}' is not a date with precision.");

    public override void Write(Utf8JsonWriter writer, FlexDate value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}
