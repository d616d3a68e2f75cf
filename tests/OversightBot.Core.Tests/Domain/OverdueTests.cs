using OversightBot.Core.Domain;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Domain;

public sealed class OverdueTests
{
    private static readonly DateOnly Today = Some.Date(2023, 3, 1);

    [Theory]
    [InlineData(ItemStatus.Open, true)]
    [InlineData(ItemStatus.InProgress, true)]
    [InlineData(ItemStatus.Done, false)]
    [InlineData(ItemStatus.NotAccepted, false)]
    [InlineData(ItemStatus.Withdrawn, false)]
    public void Overdue_PastDue_DependsOnStatus(ItemStatus status, bool overdue)
    {
        var item = Some.Item(due: Some.Date(2023, 2, 6), status: status);

        Assert.Equal(overdue, item.IsOverdue(Today));
        Assert.Equal(overdue ? 23 : 0, item.DaysOverdue(Today));
    }

    [Fact]
    public void Overdue_DueToday_IsNotYetOverdue()
    {
        Assert.False(Some.Item(due: Today).IsOverdue(Today));
        Assert.True(Some.Item(due: Today).IsOverdue(Today.AddDays(1)));
    }

    [Fact]
    public void Overdue_NoDueDate_IsNeverOverdue()
    {
        Assert.False(Some.Item(due: null).IsOverdue(Today));
    }
}
