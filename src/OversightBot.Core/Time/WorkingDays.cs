using System.Collections.Frozen;
using System.Text.Json;

namespace OversightBot.Core.Time;

/// <summary>
/// England and Wales working days: Monday to Friday except bank holidays. The holiday dates ship as data
/// (Time/bank-holidays-england-and-wales.json, embedded); add each year's dates when GOV.UK announces them.
/// </summary>
public sealed class WorkingDays
{
    private readonly FrozenSet<DateOnly> _holidays;

    public WorkingDays(IEnumerable<DateOnly> holidays)
    {
        _holidays = holidays.ToFrozenSet();
        if (_holidays.Count > 0)
        {
            FirstCoveredYear = _holidays.Min().Year;
            LastCoveredYear = _holidays.Max().Year;
        }
    }

    /// <summary>The England and Wales calendar shipped with the product.</summary>
    public static WorkingDays EnglandAndWales { get; } = LoadEmbedded();

    public int FirstCoveredYear { get; }
    public int LastCoveredYear { get; }

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    public bool IsBankHoliday(DateOnly date) => _holidays.Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The date <paramref name="count"/> working days after <paramref name="start"/> (start itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        var step = count >= 0 ? 1 : -1;
        var date = start;
        for (var left = Math.Abs(count); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>The working day on or before <paramref name="date"/>.</summary>
    public DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>The working day on or after <paramref name="date"/>.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>Working days from <paramref name="from"/> (exclusive) to <paramref name="to"/> (inclusive).</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                n++;
            }
        }

        return n;
    }

    private static WorkingDays LoadEmbedded()
    {
        using var stream = typeof(WorkingDays).Assembly.GetManifestResourceStream("OversightBot.BankHolidays.json")
            ?? throw new InvalidOperationException("The bank holiday data is missing from the build.");
        using var doc = JsonDocument.Parse(stream);
        var dates = doc.RootElement.GetProperty("dates").EnumerateArray()
            .Select(e => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return new WorkingDays(dates);
    }
}
