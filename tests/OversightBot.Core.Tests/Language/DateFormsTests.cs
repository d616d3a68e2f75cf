using OversightBot.Core.Language;

namespace OversightBot.Core.Tests.Language;

/// <summary>Every date form issue 3 lists, resolved as the bot resolves them (inclusive ranges, today = Wednesday 18 January 2023).</summary>
public class DateFormsTests
{
    private static readonly DateOnly Today = new(2023, 1, 18);
    private static readonly IntentRecognizer Recognizer = new();

    private static DateRange? RangeOf(string text) => Recognizer.Recognize(text, Today).Range;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("what's due today?", "2023-01-18", "2023-01-18")]
    [InlineData("what's due tomorrow?", "2023-01-19", "2023-01-19")]
    [InlineData("what's due by Friday?", "2023-01-18", "2023-01-20")]
    [InlineData("what is due on 6 February?", "2023-02-06", "2023-02-06")]
    [InlineData("what is due on Friday 3 February 2023?", "2023-02-03", "2023-02-03")]
    [InlineData("what is due on 03/02/2023?", "2023-02-03", "2023-02-03")]
    [InlineData("what's due this week?", "2023-01-16", "2023-01-22")]
    [InlineData("what's due next week?", "2023-01-23", "2023-01-29")]
    [InlineData("what was due last week?", "2023-01-09", "2023-01-15")]
    [InlineData("what's due this month?", "2023-01-01", "2023-01-31")]
    [InlineData("what's due next month?", "2023-02-01", "2023-02-28")]
    [InlineData("what's due in March?", "2023-03-01", "2023-03-31")]
    [InlineData("what's due in the next 14 days?", "2023-01-18", "2023-02-01")]
    [InlineData("anything due in the next fortnight?", "2023-01-18", "2023-02-01")]
    [InlineData("what's due in the next 30 days?", "2023-01-18", "2023-02-17")]
    [InlineData("what's due between 1 February and 15 March?", "2023-02-01", "2023-03-15")]
    [InlineData("what's due before 1 March?", "2023-01-18", "2023-02-28")]
    [InlineData("what's due by the end of February?", "2023-01-18", "2023-02-28")]
    [InlineData("what's due by the end of next week?", "2023-01-18", "2023-01-29")]
    [InlineData("what was due in 2023/24?", "2023-04-01", "2024-03-31")]
    [InlineData("what was due in 2023-24?", "2023-04-01", "2024-03-31")]
    [InlineData("what is due during 2023/24?", "2023-04-01", "2024-03-31")]
    [InlineData("what's due in Q3 2023/24?", "2023-10-01", "2023-12-31")]
    [InlineData("what's due this quarter?", "2023-01-01", "2023-03-31")]
    [InlineData("what's due by the end of the financial year?", "2023-01-18", "2023-03-31")]
    public void Date_forms_resolve_to_inclusive_ranges(string text, string start, string end)
    {
        Assert.Equal(new DateRange(D(start), D(end)), RangeOf(text));
    }

    [Fact]
    public void FinancialYear_2023Slash24_IsAprilToMarch()
    {
        var m = Assert.Single(DateRecognizer.Recognize("spending during 2023/24", Today));
        Assert.Equal(new DateRange(D("2023-04-01"), D("2024-03-31")), m.ToRange(Today));
    }

    [Fact]
    public void FiscalQuarter_Q1_IsAprilToJune()
    {
        var m = Assert.Single(DateRecognizer.Recognize("Q1 2023/24", Today));
        Assert.Equal(new DateRange(D("2023-04-01"), D("2023-06-30")), m.ToRange(Today));
    }

    [Fact]
    public void NumericDates_AreReadDayFirst()
    {
        Assert.Equal(D("2023-02-03"), Assert.Single(DateRecognizer.Recognize("dated 03/02/2023", Today)).Date);
        Assert.Equal(D("2023-05-04"), Assert.Single(DateRecognizer.Recognize("published 04/05/23", Today)).Date);
    }

    [Theory]
    [InlineData("reported quarterly", "P3M")]
    [InlineData("reported monthly", "P1M")]
    [InlineData("meets every Monday", "XXXX-WXX-1")]
    [InlineData("audited annually", "P1Y")]
    public void Recurrences_are_sets(string text, string timex)
    {
        var m = Assert.Single(DateRecognizer.Recognize(text, Today));
        Assert.Equal("set", m.Type);
        Assert.Equal(timex, m.Timex);
    }

    [Theory]
    [InlineData("We will update the Committee in due course.")]
    [InlineData("The plan will follow before the summer recess.")]
    [InlineData("We will respond shortly.")]
    public void Vague_phrases_get_no_invented_date(string text)
    {
        Assert.All(DateRecognizer.Recognize(text, Today), m => Assert.Null(m.ToRange(Today)));
        Assert.Null(RangeOf(text));
    }

    [Fact]
    public void Impossible_dates_are_reported_as_invalid_and_never_shifted()
    {
        var u = Recognizer.Recognize("move R-3 to 31/02/2023", Today);
        Assert.Equal(["31/02/2023"], u.Entities.InvalidDates);
        Assert.Empty(u.Entities.Dates);
        Assert.Null(((UpdateItem)u.Intent).NewDue);
    }

    [Fact]
    public void A_week_on_Monday_is_the_Monday_after_next()
    {
        Assert.Equal(D("2023-01-30"), Assert.Single(DateRecognizer.Recognize("a week on Monday", Today)).Date);
    }

    [Theory]
    [InlineData("within four weeks", "2023-01-09", "2023-02-06")]
    [InlineData("within 56 days of publication", "2023-01-09", "2023-03-06")]
    [InlineData("within 20 working days", "2023-04-03", "2023-05-04")]
    [InlineData("within two months", "2022-11-15", "2023-01-15")]
    [InlineData("by the end of February 2023", "2023-01-09", "2023-02-28")]
    [InlineData("during 2023/24", "2023-01-09", "2024-03-31")]
    [InlineData("by close of play Friday", "2023-01-18", "2023-01-20")]
    [InlineData("no later than 30 June 2023", "2023-01-09", "2023-06-30")]
    public void Deadline_wording_resolves_against_the_document_date(string rule, string documentDate, string due)
    {
        var d = DeadlineResolver.Resolve(rule, D(documentDate));
        Assert.Equal(D(due), d.Due);
    }

    [Fact]
    public void Quarterly_deadline_is_a_recurrence_and_in_due_course_is_nothing()
    {
        Assert.Equal("P3M", DeadlineResolver.Resolve("quarterly", Today).Recurrence);
        Assert.False(DeadlineResolver.Resolve("in due course", Today).Understood);
        Assert.False(DeadlineResolver.Resolve("shortly", Today).Understood);
    }

    [Fact]
    public void Working_days_skip_the_Easter_and_May_bank_holidays()
    {
        // 2023: Good Friday 7 April, Easter Monday 10 April, early May bank holiday 1 May, coronation 8 May.
        Assert.Equal(D("2023-04-13"), DeadlineResolver.AddPeriod(D("2023-04-05"), "P4BD"));
    }
}
