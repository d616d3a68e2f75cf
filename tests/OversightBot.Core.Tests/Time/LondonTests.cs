using OversightBot.Core.Time;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Time;

public sealed class LondonTests
{
    [Fact]
    public void At_NineInTheMorning_IsGmtInWinterAndBstInSummer()
    {
        Assert.Equal(TimeSpan.Zero, London.At(Some.Date(2023, 1, 9), new TimeOnly(9, 0)).Offset);
        Assert.Equal(TimeSpan.FromHours(1), London.At(Some.Date(2023, 6, 5), new TimeOnly(9, 0)).Offset);
    }

    [Fact]
    public void At_WallTimeInTheSpringGap_MovesForward()
    {
        var instant = London.At(Some.Date(2023, 3, 26), new TimeOnly(1, 30));

        Assert.Equal(new DateTimeOffset(2023, 3, 26, 1, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void Today_LateEveningUtcInSummer_IsTheNextLondonDay()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2023, 6, 5, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(Some.Date(2023, 6, 6), London.Today(clock));
    }

    [Fact]
    public void WorkingDays_SkipWeekendsAndBankHolidays()
    {
        var days = WorkingDays.EnglandAndWales;

        Assert.False(days.IsWorkingDay(Some.Date(2023, 5, 8)));
        Assert.False(days.IsWorkingDay(Some.Date(2022, 9, 19)));
        Assert.True(days.IsWorkingDay(Some.Date(2023, 5, 9)));
        Assert.Equal(Some.Date(2023, 1, 3), days.AddWorkingDays(Some.Date(2022, 12, 23), 4));
        Assert.Equal(Some.Date(2023, 4, 6), days.OnOrBefore(Some.Date(2023, 4, 10)));
        Assert.True(days.LastCoveredYear >= 2027);
    }
}
