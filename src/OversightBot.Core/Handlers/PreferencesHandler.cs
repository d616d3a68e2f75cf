using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>Digest subscriptions and reminder snoozes: the asker's own preferences and items.</summary>
public sealed class PreferencesHandler(IItemStore items, IPersonStore people, ItemWriteGate gate)
{
    public async Task<Reply> SubscribeAsync(Subscribe subscribe, AskContext ctx, CancellationToken ct)
    {
        var may = Permissions.CanSubscribe(ctx.Asker);
        if (!may.Allowed)
        {
            return Refusal.Because(subscribe.Name, may.Why!);
        }

        var digest = new DigestSubscription { Day = subscribe.Day ?? DayOfWeek.Monday, At = subscribe.At ?? new TimeOnly(9, 0) };
        var person = ctx.Asker!;
        person.Preferences.Digest = digest;
        await people.UpsertPersonAsync(person, ct);
        return new Reply
        {
            Intent = subscribe.Name,
            Heading = "Subscribed",
            Text = $"You'll get the weekly digest every {digest.Day} at {digest.At:HH\\:mm} (London time). Say \"unsubscribe\" to stop.",
            Facts = [new ReplyFact("Day", digest.Day.ToString()), new ReplyFact("Time", digest.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))],
        };
    }

    public async Task<Reply> UnsubscribeAsync(Unsubscribe unsubscribe, AskContext ctx, CancellationToken ct)
    {
        var may = Permissions.CanSubscribe(ctx.Asker);
        if (!may.Allowed)
        {
            return Refusal.Because(unsubscribe.Name, may.Why!);
        }

        var was = ctx.Asker!.Preferences.Digest is not null;
        ctx.Asker.Preferences.Digest = null;
        await people.UpsertPersonAsync(ctx.Asker, ct);
        return new Reply
        {
            Intent = unsubscribe.Name,
            Heading = "Unsubscribed",
            Text = was ? "You won't get the weekly digest any more. Say \"subscribe\" to start again." : "You weren't subscribed to the weekly digest.",
        };
    }

    public Task<Reply> SnoozeAsync(Snooze snooze, AskContext ctx, CancellationToken ct) => gate.RunAsync(async () =>
    {
        var item = await ItemLookup.GetByIdAsync(items, snooze.ItemId, ct);
        if (item is null)
        {
            return Refusal.Because(snooze.Name, $"There is no item {snooze.ItemId}.");
        }

        var may = Permissions.CanUpdate(ctx.Asker, item);
        if (!may.Allowed)
        {
            return Refusal.Because(snooze.Name, may.Why!);
        }

        if (snooze.Until <= ctx.Today)
        {
            return Refusal.Because(snooze.Name, $"Snooze until a date after today ({ReplyItems.Date(ctx.Today)}), e.g. \"snooze {item.Id} for a week\".");
        }

        item.SnoozedUntil = snooze.Until;
        item.History.Add(new HistoryEntry { At = ctx.Now, By = ctx.Asker!.Email, What = "reminders snoozed", To = ReplyItems.Date(snooze.Until) });
        await items.UpsertAsync(item, ct);
        return new Reply
        {
            Intent = snooze.Name,
            Heading = $"{item.Id} snoozed",
            Text = $"No reminders about {item.Id} until {ReplyItems.Date(snooze.Until)}.",
            Items = [ReplyItems.From(item, ctx.Today)],
            Total = 1,
            Shown = 1,
        };
    }, ct);
}
