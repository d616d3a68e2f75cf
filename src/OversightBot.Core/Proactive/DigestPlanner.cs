using OversightBot.Core.Domain;
using OversightBot.Core.Time;

namespace OversightBot.Core.Proactive;

/// <summary>
/// Weekly digests for subscribers (<see cref="Preferences.Digest"/> set). One per person per ISO week, keyed
/// <c>digest:{person}:{isoWeek}</c>; a digest missed during downtime is sent once, for the current week only.
/// A slot on a bank holiday moves to the next working day.
/// </summary>
public sealed class DigestPlanner(IDigestComposer composer, ReminderPolicy policy)
{
    public void Plan(PeopleDirectory directory, DateOnly today, DateTimeOffset now, List<PlannedMessage> planned)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        foreach (var person in directory.All)
        {
            if (person.Preferences.Digest is not { } sub)
            {
                continue;
            }

            var nominal = monday.AddDays(((int)sub.Day + 6) % 7);
            var day = policy.WorkingDaysOnly ? policy.Calendar.OnOrAfter(nominal) : nominal;
            if (day > today)
            {
                continue;
            }

            var key = $"digest:{person.Email}:{NudgeSlots.IsoWeek(nominal)}";
            var at = day == today ? policy.InWindow(today, sub.At) : policy.InWindow(today, policy.SendAt);
            planned.Add(new PlannedMessage(key, day, async ct =>
            {
                var message = (await composer.ComposeAsync(person, today, ct)) with { Intent = "digest" };
                return OutboxRow.New(key, "digest", person.Email, at < now ? now : at, message, now);
            }));
        }
    }
}
