using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Core.Replies;
using Xunit;

namespace OversightBot.Testing;

/// <summary>The outbox suite, written against <see cref="IOutboxStore"/> only; every implementation must pass it.</summary>
public abstract class OutboxContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2023, 2, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly OutboxRetryPolicy Retry = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromHours(1) };

    protected abstract IOutboxStore CreateOutbox();

    public static OutboxRow Row(string key, DateTimeOffset? dueAt = null, string recipient = "olivia.officer@example.org") =>
        OutboxRow.New(key, "nudge", recipient, dueAt ?? T0, new Reply
        {
            Intent = "nudge",
            Text = "R-1 is due today",
            Heading = "R-1 is due today",
            Actions = ItemActions.All("R-1"),
        }, T0.AddHours(-9)) with { ItemId = "R-1", ItemDue = new DateOnly(2023, 2, 6) };

    [Fact]
    public async Task Add_SameKeyTwice_WritesOnce()
    {
        var o = CreateOutbox();
        Assert.True(await o.AddIfAbsentAsync(Row("nudge:R-1:2023-02-06:0"), None));
        Assert.False(await o.AddIfAbsentAsync(Row("nudge:R-1:2023-02-06:0", T0.AddDays(1)), None));
        Assert.Equal(T0, (await o.GetOutboxRowAsync("nudge:R-1:2023-02-06:0", None))!.DueAt);
        Assert.Equal(2, await o.AddManyIfAbsentAsync([Row("a"), Row("nudge:R-1:2023-02-06:0"), Row("b"), Row("a")], None));
        Assert.Equal(["a", "b"], (await o.ExistingKeysAsync(["a", "b", "c"], None)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Row_RoundTripsMessageAndFields()
    {
        var o = CreateOutbox();
        var row = Row("k");
        await o.AddIfAbsentAsync(row, None);
        var back = await o.GetOutboxRowAsync("k", None);
        Assert.NotNull(back);
        Assert.Equal(row.Message.Text, back.Message.Text);
        Assert.Equal(row.Message.Actions, back.Message.Actions);
        Assert.Equal(row with { Message = back.Message }, back);
        Assert.True(await o.ExistsAsync("k", None));
        Assert.False(await o.ExistsAsync("other", None));
    }

    [Fact]
    public async Task Claim_TakesOnlyDueRows_EarliestFirst_AndNotTwiceWithinTheLease()
    {
        var o = CreateOutbox();
        await o.AddManyIfAbsentAsync([Row("later", T0.AddMinutes(2)), Row("first", T0.AddMinutes(-5)), Row("second", T0), Row("future", T0.AddHours(1))], None);

        var claimed = await o.ClaimDueAsync(T0.AddMinutes(2), Lease, 10, None);

        Assert.Equal(["first", "second", "later"], claimed.Select(r => r.Key));
        Assert.All(claimed, r => Assert.Equal(OutboxState.InFlight, r.State));
        Assert.Empty(await o.ClaimDueAsync(T0.AddMinutes(3), Lease, 10, None));
        Assert.Single(await o.ClaimDueAsync(T0.AddHours(1), Lease, 1, None));
    }

    [Fact]
    public async Task Claim_WhoseLeaseEndedUnrecorded_IsClaimedAgain()
    {
        var o = CreateOutbox();
        await o.AddIfAbsentAsync(Row("k"), None);
        Assert.Single(await o.ClaimDueAsync(T0, Lease, 10, None));

        var again = await o.ClaimDueAsync(T0 + Lease, Lease, 10, None);

        Assert.Equal("k", Assert.Single(again).Key);
    }

    [Fact]
    public async Task Delivered_IsFinal()
    {
        var o = CreateOutbox();
        await o.AddIfAbsentAsync(Row("k"), None);
        await o.ClaimDueAsync(T0, Lease, 10, None);

        Assert.True(await o.RecordAsync("k", SendOutcome.Delivered, "webchat", T0.AddSeconds(1), Retry, None));

        var row = await o.GetOutboxRowAsync("k", None);
        Assert.Equal(OutboxState.Delivered, row!.State);
        Assert.Equal("webchat", row.Channel);
        Assert.Equal(1, row.Attempts);
        Assert.False(await o.RecordAsync("k", SendOutcome.Delivered, "webchat", T0.AddSeconds(2), Retry, None));
        Assert.False(await o.AddIfAbsentAsync(Row("k"), None));
        Assert.Empty(await o.ClaimDueAsync(T0.AddDays(1), Lease, 10, None));
        Assert.False(await o.RetryAsync("k", T0, None));
    }

    [Fact]
    public async Task Throttled_ReturnsAfterRetryAfter_WithoutUsingAnAttempt()
    {
        var o = CreateOutbox();
        await o.AddIfAbsentAsync(Row("k"), None);
        await o.ClaimDueAsync(T0, Lease, 10, None);

        await o.RecordAsync("k", new SendOutcome(SendOutcomeKind.Throttled, TimeSpan.FromSeconds(30)), "slack", T0, Retry, None);

        var row = await o.GetOutboxRowAsync("k", None);
        Assert.Equal(OutboxState.Pending, row!.State);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(T0.AddSeconds(30), row.NextAt);
        Assert.Empty(await o.ClaimDueAsync(T0.AddSeconds(29), Lease, 10, None));
        Assert.Single(await o.ClaimDueAsync(T0.AddSeconds(30), Lease, 10, None));
    }

    [Fact]
    public async Task Failed_BacksOffWithJitter_ThenIsDeadLettered_AndCanBeRetried()
    {
        var o = CreateOutbox();
        await o.AddIfAbsentAsync(Row("k"), None);
        var now = T0;
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= Retry.MaxAttempts; attempt++)
        {
            Assert.Single(await o.ClaimDueAsync(now, Lease, 10, None));
            await o.RecordAsync("k", new SendOutcome(SendOutcomeKind.Failed, Error: "boom"), "msteams", now, Retry, None);
            var row = await o.GetOutboxRowAsync("k", None);
            if (attempt < Retry.MaxAttempts)
            {
                Assert.Equal(OutboxState.Failed, row!.State);
                waits.Add(row.NextAt - now);
                now = row.NextAt;
            }
            else
            {
                Assert.Equal(OutboxState.Dead, row!.State);
                Assert.Equal("boom", row.LastError);
            }
        }

        Assert.InRange(waits[0], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));
        Assert.Empty(await o.ClaimDueAsync(now.AddDays(30), Lease, 10, None));
        Assert.Equal("k", Assert.Single(await o.ByStateAsync(OutboxState.Dead, 0, 10, None)).Key);

        Assert.Equal(1, await o.RetryDeadAsync(now, None));
        var retried = await o.GetOutboxRowAsync("k", None);
        Assert.Equal((OutboxState.Pending, 0), (retried!.State, retried.Attempts));
        Assert.Single(await o.ClaimDueAsync(now, Lease, 10, None));
    }

    [Fact]
    public async Task RecipientGone_StopsAndIsFlagged_UntilRetriedByKey()
    {
        var o = CreateOutbox();
        await o.AddIfAbsentAsync(Row("k"), None);
        await o.ClaimDueAsync(T0, Lease, 10, None);

        await o.RecordAsync("k", new SendOutcome(SendOutcomeKind.RecipientGone, Error: "app removed"), "msteams", T0, Retry, None);

        Assert.Equal(OutboxState.Gone, (await o.GetOutboxRowAsync("k", None))!.State);
        Assert.Empty(await o.ClaimDueAsync(T0.AddDays(1), Lease, 10, None));
        Assert.Equal(1, (await o.CountByStateAsync(None))[OutboxState.Gone]);
        Assert.True(await o.RetryAsync("k", T0.AddDays(1), None));
        Assert.Single(await o.ClaimDueAsync(T0.AddDays(1), Lease, 10, None));
        Assert.False(await o.RetryAsync("unknown", T0, None));
    }

    [Fact]
    public async Task RecordMany_SettlesEachInFlightRow_AndSkipsOthers()
    {
        var o = CreateOutbox();
        await o.AddManyIfAbsentAsync([Row("a"), Row("b"), Row("later", T0.AddHours(1))], None);
        await o.ClaimDueAsync(T0, Lease, 10, None);

        var changed = await o.RecordManyAsync(
            [new("a", SendOutcome.Delivered, "webchat"), new("b", new SendOutcome(SendOutcomeKind.Failed), "webchat"), new("later", SendOutcome.Delivered, "webchat")],
            T0, Retry, None);

        Assert.Equal(2, changed);
        Assert.Equal(OutboxState.Delivered, (await o.GetOutboxRowAsync("a", None))!.State);
        Assert.Equal(OutboxState.Failed, (await o.GetOutboxRowAsync("b", None))!.State);
        Assert.Equal(OutboxState.Pending, (await o.GetOutboxRowAsync("later", None))!.State);
    }

    [Fact]
    public async Task Cancel_TakesAnActiveRowOutOfTheQueue()
    {
        var o = CreateOutbox();
        await o.AddIfAbsentAsync(Row("k"), None);

        Assert.True(await o.CancelAsync("k", "item done", T0, None));

        Assert.Empty(await o.ClaimDueAsync(T0.AddDays(1), Lease, 10, None));
        Assert.Equal("item done", (await o.GetOutboxRowAsync("k", None))!.LastError);
        Assert.False(await o.CancelAsync("k", "again", T0, None));
    }

    [Fact]
    public async Task ReleaseInFlight_MakesClaimsOfADeadProcessClaimableAtOnce()
    {
        var o = CreateOutbox();
        await o.AddManyIfAbsentAsync([Row("a"), Row("b")], None);
        await o.ClaimDueAsync(T0, Lease, 10, None);

        Assert.Equal(2, await o.ReleaseInFlightAsync(T0.AddSeconds(5), None));

        Assert.Equal(2, (await o.ClaimDueAsync(T0.AddSeconds(5), Lease, 10, None)).Count);
    }

    [Fact]
    public async Task Prune_DeletesOnlyRowsThatEndedBeforeTheCutOff_OldestFirst_KeepingDeadAndActiveRows()
    {
        var o = CreateOutbox();
        var failFast = Retry with { MaxAttempts = 1 };
        await o.AddManyIfAbsentAsync([Row("delivered-old"), Row("delivered-older"), Row("gone-old"), Row("cancelled-old"), Row("dead-old"), Row("delivered-new"), Row("pending")], None);
        await o.ClaimDueAsync(T0, Lease, 6, None);
        await o.RecordAsync("delivered-older", SendOutcome.Delivered, "webchat", T0, Retry, None);
        await o.RecordAsync("delivered-old", SendOutcome.Delivered, "webchat", T0.AddMinutes(1), Retry, None);
        await o.RecordAsync("gone-old", new SendOutcome(SendOutcomeKind.RecipientGone), "msteams", T0.AddMinutes(2), Retry, None);
        await o.RecordAsync("dead-old", new SendOutcome(SendOutcomeKind.Failed, Error: "boom"), "msteams", T0.AddMinutes(3), failFast, None);
        await o.RecordAsync("delivered-new", SendOutcome.Delivered, "webchat", T0.AddDays(30), Retry, None);
        await o.CancelAsync("cancelled-old", "done", T0.AddMinutes(4), None);
        Assert.Equal(OutboxState.Dead, (await o.GetOutboxRowAsync("dead-old", None))!.State);

        Assert.Equal(1, await o.PruneAsync(T0.AddDays(1), 1, None));
        Assert.False(await o.ExistsAsync("delivered-older", None));
        Assert.Equal(3, await o.PruneAsync(T0.AddDays(1), 100, None));
        Assert.Equal(0, await o.PruneAsync(T0.AddDays(1), 100, None));

        Assert.Equal(["dead-old", "delivered-new", "pending"], (await o.ByStateAsync(null, 0, 10, None)).Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ByState_ListsRowsOfThatState_AndAllWhenNull()
    {
        var o = CreateOutbox();
        await o.AddManyIfAbsentAsync([Row("a"), Row("b", T0.AddHours(1))], None);
        await o.ClaimDueAsync(T0, Lease, 1, None);

        Assert.Equal(["b"], (await o.ByStateAsync(OutboxState.Pending, 0, 10, None)).Select(r => r.Key));
        Assert.Equal(["a"], (await o.ByStateAsync(OutboxState.InFlight, 0, 10, None)).Select(r => r.Key));
        Assert.Equal(2, (await o.ByStateAsync(null, 0, 10, None)).Count);
    }
}
