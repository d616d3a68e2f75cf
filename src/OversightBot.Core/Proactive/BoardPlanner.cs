using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Core.Proactive;

/// <summary>
/// Board reminders to the clerk: minutes missing past the publication window, or nothing published for longer
/// than the cadence allows. First on the day the board becomes late, then weekly; only the latest in the window.
/// </summary>
public sealed class BoardPlanner(IBoardStore boards, ReminderPolicy policy)
{
    public async Task PlanAsync(
        PeopleDirectory directory, DateOnly from, DateOnly today, DateTimeOffset now, DateTimeOffset dueAt,
        List<PlannedMessage> planned, CancellationToken ct)
    {
        foreach (var board in await boards.BoardsAsync(ct))
        {
            if (directory.Find(board.Clerk) is not { } clerk)
            {
                continue;
            }

            foreach (var reason in BoardStaleness.Evaluate(board, today))
            {
                var (lateFrom, tag) = reason.Kind == StaleReasonKind.MinutesMissing
                    ? (reason.Since.AddDays(board.PublicationWindowDays + 1), $"minutes-{NudgeSlots.Iso(reason.Since)}")
                    : (reason.Since.AddDays(board.CadenceDays + 1), $"nothing-since-{NudgeSlots.Iso(reason.Since)}");
                var slot = NudgeSlots.LatestPeriodic(lateFrom, 0, Math.Max(1, policy.OverdueEveryDays), from, today, policy);
                if (slot is not { } s)
                {
                    continue;
                }

                var key = $"board:{board.Id}:{tag}:{NudgeSlots.Iso(s.Target)}";
                planned.Add(PlannedMessage.Of(key, s.Send, () => OutboxRow.New(key, "board-nudge", clerk.Email, dueAt, NudgeMessages.Board(board, reason), now)));
            }
        }
    }
}
