using System.Globalization;

namespace OversightBot.Core.Domain;

/// <summary>
/// One occurrence of a recurring obligation (the March 2023 monthly report): its own due date, status, evidence and
/// history. Keyed by series and period start, so a changed due-day rule keeps the occurrence's record.
/// </summary>
public sealed class Occurrence
{
    public required string SeriesId { get; set; }
    public required int Index { get; set; }
    public required DateOnly PeriodStart { get; set; }
    public required DateOnly PeriodEnd { get; set; }
    public required DateOnly Due { get; set; }
    public ItemStatus Status { get; set; }
    public DateOnly? Closed { get; set; }
    public List<EvidenceEntry> Evidence { get; set; } = [];
    public List<HistoryEntry> History { get; set; } = [];

    public string Key => KeyOf(SeriesId, PeriodStart);

    /// <summary>Open or in progress: still owed. Done and waived occurrences are closed.</summary>
    public bool IsOpen => Status is ItemStatus.Open or ItemStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && Due < today;

    /// <summary>True when someone has recorded anything on it (its record must survive a change of rule).</summary>
    public bool Touched => Status != ItemStatus.Open || Evidence.Count > 0 || History.Count > 0;

    /// <summary>The period in words: "April 2023", "Q1 2023/24", "quarter 1 April to 30 June 2023", "2023".</summary>
    public string Label => OccurrenceLabels.Of(PeriodStart, PeriodEnd);

    public static string KeyOf(string seriesId, DateOnly periodStart) =>
        $"{seriesId}@{periodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static Occurrence Planned(string seriesId, PlannedOccurrence p) => new()
    {
        SeriesId = seriesId,
        Index = p.Index,
        PeriodStart = p.PeriodStart,
        PeriodEnd = p.PeriodEnd,
        Due = p.Due,
    };
}

/// <summary>Words for a period.</summary>
public static class OccurrenceLabels
{
    public static string Of(DateOnly start, DateOnly end)
    {
        var lastOfMonth = end.AddDays(1).Day == 1;
        if (start.Day == 1 && lastOfMonth)
        {
            var months = ((end.Year - start.Year) * 12) + end.Month - start.Month + 1;
            if (months == 1)
            {
                return FlexDate.InMonth(start.Year, start.Month).Text;
            }

            if (months == 3 && start.Month % 3 == 1)
            {
                // Every quarter by the UK financial year, so a list of occurrences reads in one scheme ("Q4 2022/23").
                return new FlexDate(start, DatePrecision.FinancialQuarter).Text;
            }

            if (months == 12 && start.Month == 1)
            {
                return FlexDate.InYear(start.Year).Text;
            }

            if (months == 12 && start.Month == 4)
            {
                return FlexDate.InFinancialYear(start.Year).Text;
            }
        }

        var british = CultureInfo.GetCultureInfo("en-GB");
        return $"{start.ToString("d MMM yyyy", british)} to {end.ToString("d MMM yyyy", british)}";
    }
}

/// <summary>Where an occurrence view came from: the series occurrence a listed item stands for.</summary>
public sealed record OccurrenceRef(string Key, int Index, DateOnly PeriodStart, DateOnly PeriodEnd, string Label);
