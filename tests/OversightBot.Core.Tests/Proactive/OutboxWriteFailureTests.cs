using OversightBot.Testing;

namespace OversightBot.Core.Tests.Proactive;

/// <summary>A planned nudge whose write to the outbox fails is written on a later tick, and sent once.</summary>
public sealed class OutboxWriteFailureTests
{
    private const string Olivia = "olivia.officer@example.org";

    [Fact]
    public async Task FailedOutboxWrites_AreRetriedOnLaterTicks_AndTheNudgeIsSentOnce()
    {
        var h = new ProactiveHarness([Some.Item("R-1", due: Some.Date(2023, 2, 8), owner: "Strategy")], NudgeScheduleTests.Team(), Some.Date(2023, 2, 7));
        FailingWritesOutbox? failing = null;
        h.EngineOutbox = inner => failing = new FailingWritesOutbox(inner, failures: 3);
        h.Restart();

        var errors = 0;
        var until = Some.Date(2023, 2, 8);
        while (h.Clock.GetUtcNow() < OversightBot.Core.Time.London.At(until, TimeOnly.MinValue))
        {
            try
            {
                await h.Engine.TickAsync(CancellationToken.None);
            }
            catch (IOException)
            {
                errors++;
            }

            h.Clock.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.Equal(3, failing!.FailedWrites);
        Assert.Equal(3, errors);
        Assert.Equal([$"nudge:R-1:2023-02-08:1:{Olivia}"], h.SentTo(Olivia).Select(s => s.Key));
    }
}
