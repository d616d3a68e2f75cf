using OversightBot.Core.Replies;

namespace OversightBot.Core.Ports;

/// <summary>A proactive message delivered to the built-in web chat's inbox.</summary>
public sealed record Notification(string Key, string Recipient, DateTimeOffset At, Reply Message);

/// <summary>The web chat's notifications: where its <see cref="IMessageSender"/> delivers.</summary>
public interface INotificationInbox
{
    /// <summary>Stores one delivery. Every delivery is kept, so a duplicate send stays visible.</summary>
    Task AddNotificationAsync(Notification notification, CancellationToken ct);

    /// <summary>The person's notifications, newest first, one per key.</summary>
    Task<IReadOnlyList<Notification>> NotificationsAsync(string recipient, int take, CancellationToken ct);

    /// <summary>How many times each key was delivered (diagnostics: any value above 1 is a duplicate).</summary>
    Task<IReadOnlyDictionary<string, int>> DeliveryCountsAsync(CancellationToken ct);
}
