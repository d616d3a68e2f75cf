using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using Xunit.Abstractions;

namespace OversightBot.Core.Tests.Language;

/// <summary>Questions as oversight teams type them, with the intent each should get. Target: at least 95% right.</summary>
public class IntentQuestionSetTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2023, 1, 18);

    public static readonly (string Text, string Intent)[] Questions =
    [
        ("what's overdue?", "overdue"),
        ("anything late?", "overdue"),
        ("which recommendations are past their deadline?", "overdue"),
        ("Which actions have missed their deadline?", "overdue"),
        ("show me everything that's overdue", "overdue"),
        ("<at>OversightBot</at> what's overdue?", "overdue"),
        ("@OversightBot anything late this week?", "overdue"),
        ("are we behind schedule on anything?", "overdue"),
        ("list overdue statutory deadlines", "overdue"),
        ("which of my actions are overdue?", "overdue"),
        ("what's due this week?", "due"),
        ("what's due next week?", "due"),
        ("anything due tomorrow?", "due"),
        ("what is coming up in the next 14 days?", "due"),
        ("deadlines in March", "due"),
        ("what falls due by the end of February?", "due"),
        ("what do we have due before 1 March?", "due"),
        ("what's due between 1 February and 15 March?", "due"),
        ("what's due in Q3 2023/24?", "due"),
        ("what's due in Q4?", "due"),
        ("upcoming deadlines", "due"),
        ("what needs to be done by Friday?", "due"),
        ("what's due by the end of the financial year?", "due"),
        ("what's the status of R-12?", "status"),
        ("R-3?", "status"),
        ("where are we on r12", "status"),
        ("tell me about A-3", "status"),
        ("is R-4 done?", "status"),
        ("what's happening with MQ 1844?", "status"),
        ("the partnership boards recommendation", "status"),
        ("status of the stop and search recommendation", "status"),
        ("what's on my plate?", "owner"),
        ("my actions", "owner"),
        ("what am I responsible for?", "owner"),
        ("what does the Strategy directorate own?", "owner"),
        ("what is the Secretariat responsible for?", "owner"),
        ("show items assigned to Olivia Officer", "owner"),
        ("Colin Clerk's actions", "owner"),
        ("is the VAWG board page up to date?", "boards"),
        ("which boards haven't published their minutes?", "boards"),
        ("board publication status", "boards"),
        ("has the LCRB board published its papers?", "boards"),
        ("weekly summary please", "digest"),
        ("give me a digest", "digest"),
        ("can I have a round-up?", "digest"),
        ("brief me", "digest"),
        ("subscribe me to the weekly digest every Monday at 9am", "subscribe"),
        ("send me a summary every Friday at 4pm", "subscribe"),
        ("subscribe", "subscribe"),
        ("unsubscribe", "unsubscribe"),
        ("stop sending me the digest", "unsubscribe"),
        ("mark R-3 done", "update"),
        ("R-4 is in progress: audit started", "update"),
        ("R-4 done", "update"),
        ("add evidence https://example.org/report.pdf to R-2", "update"),
        ("move R-5 to 31 March 2023 because the inspection slipped", "update"),
        ("R-5 new date 31/03/2023 reason awaiting legal advice", "update"),
        ("note on R-2: met the directorate today", "update"),
        ("R-7 has been completed", "update"),
        ("snooze R-3 for a week", "snooze"),
        ("remind me about R-2 tomorrow", "snooze"),
        ("snooze R-3 until 1 March", "snooze"),
        ("help", "help"),
        ("what can you do?", "help"),
        ("?", "help"),
        ("more", "more"),
        ("show more", "more"),
        ("next page", "more"),
        ("what's slipping?", "overdue"),
        ("can you show the overdue actions for the Strategy directorate", "overdue"),
        ("anything due for Olivia Officer this week?", "due"),
        ("what has the Secretariat got on?", "owner"),
        ("who owns R-3?", "status"),
        ("R-3: spoke to the team, on track", "update"),
        ("push R-5 back to next Friday as the report is delayed", "update"),
        ("mute R-1 until the end of the month", "snooze"),
        ("send me the digest every Monday at 8", "subscribe"),
        ("stop the weekly digest", "unsubscribe"),
        ("what's the weather like?", "unknown"),
        ("banana", "unknown"),
        ("lorem ipsum dolor", "unknown"),
    ];

    [Fact]
    public void Question_set_has_at_least_sixty_questions()
    {
        Assert.True(Questions.Length >= 60, $"only {Questions.Length} questions");
    }

    [Fact]
    public void Intent_accuracy_on_the_question_set_is_at_least_95_percent()
    {
        var recognizer = new IntentRecognizer();
        var failures = Questions
            .Select(q => (q.Text, q.Intent, Got: recognizer.Recognize(q.Text, Today).Intent.Name))
            .Where(r => r.Got != r.Intent)
            .ToList();
        foreach (var f in failures)
        {
            output.WriteLine($"MISS \"{f.Text}\": expected {f.Intent}, got {f.Got}");
        }

        var accuracy = 1.0 - (double)failures.Count / Questions.Length;
        output.WriteLine($"intent accuracy {accuracy:P1} ({Questions.Length - failures.Count}/{Questions.Length})");
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P1}; misses: {string.Join("; ", failures.Select(f => $"\"{f.Text}\" → {f.Got} (want {f.Intent})"))}");
    }

    [Fact]
    public void Board_names_and_owners_are_extracted_as_words()
    {
        var r = new IntentRecognizer();
        Assert.Equal(new BoardsQuery("VAWG"), r.Recognize("is the VAWG board page up to date?", Today).Intent);
        Assert.Equal(new OwnerQuery("Strategy directorate", false), r.Recognize("what does the Strategy directorate own?", Today).Intent);
        Assert.Equal(new StatusQuery(null, "partnership boards"), r.Recognize("the partnership boards recommendation", Today).Intent);
        Assert.Equal(new OwnerQuery(null, true), r.Recognize("what's on my plate?", Today).Intent);
        Assert.Equal("Olivia Officer", r.Recognize("anything due for Olivia Officer this week?", Today).Entities.Owner);
        Assert.Equal("Strategy directorate", r.Recognize("can you show the overdue actions for the Strategy directorate", Today).Entities.Owner);
    }

    [Theory]
    [InlineData("R-12", "R-12")]
    [InlineData("r12", "R-12")]
    [InlineData("what about a-3?", "A-3")]
    [InlineData("S-1 please", "S-1")]
    [InlineData("q-4", "Q-4")]
    [InlineData("status of Q3", "Q-3")]
    [InlineData("where are we on q2", "Q-2")]
    public void Item_ids_are_case_insensitive_and_normalised(string text, string id)
    {
        Assert.Equal(new StatusQuery(id, null), new IntentRecognizer().Recognize(text, Today).Intent);
    }

    [Fact]
    public void Updates_carry_status_note_due_date_reason_and_evidence()
    {
        var r = new IntentRecognizer();
        Assert.Equal(new UpdateItem("R-3", ItemStatus.Done, null, null, null, null), r.Recognize("mark R-3 done", Today).Intent);
        Assert.Equal(new UpdateItem("R-4", ItemStatus.InProgress, "audit started", null, null, null), r.Recognize("R-4 is in progress: audit started", Today).Intent);
        Assert.Equal(new UpdateItem("R-2", null, null, null, null, "https://example.org/e.pdf"), r.Recognize("add evidence https://example.org/e.pdf to R-2", Today).Intent);
        Assert.Equal(
            new UpdateItem("R-5", null, null, new DateOnly(2023, 3, 31), "the inspection slipped", null),
            r.Recognize("move R-5 to 31 March 2023 because the inspection slipped", Today).Intent);
        Assert.Equal(
            new UpdateItem("R-5", null, null, new DateOnly(2023, 3, 31), "awaiting legal advice", null),
            r.Recognize("R-5 new date 31/03/2023 reason awaiting legal advice", Today).Intent);
        Assert.Equal(new UpdateItem("R-2", null, "met the directorate today", null, null, null), r.Recognize("note on R-2: met the directorate today", Today).Intent);
    }

    [Fact]
    public void Snoozes_resolve_their_wake_up_date()
    {
        var r = new IntentRecognizer();
        Assert.Equal(new Snooze("R-3", new DateOnly(2023, 1, 25)), r.Recognize("snooze R-3 for a week", Today).Intent);
        Assert.Equal(new Snooze("R-2", new DateOnly(2023, 1, 19)), r.Recognize("remind me about R-2 tomorrow", Today).Intent);
        Assert.Equal(new Snooze("R-3", new DateOnly(2023, 3, 1)), r.Recognize("snooze R-3 until 1 March", Today).Intent);
    }

    [Fact]
    public void Subscribe_reads_day_and_time()
    {
        Assert.Equal(new Subscribe(DayOfWeek.Monday, new TimeOnly(9, 0)), new IntentRecognizer().Recognize("subscribe me to the weekly digest every Monday at 9am", Today).Intent);
    }
}
