using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Web;

/// <summary>
/// The built-in web chat's channel for proactive messages: stores them in the person's notifications inbox
/// (shown by the page via GET /api/notifications). Reaches every known person, so it is the fallback channel.
/// </summary>
public sealed class WebChatInboxSender(INotificationInbox inbox, TimeProvider clock, TimeSpan devDelay) : IMessageSender
{
    public string Channel => "webchat";

    public Task<bool> CanReachAsync(Person recipient, CancellationToken ct) => Task.FromResult(true);

    public async Task<SendOutcome> SendAsync(Person recipient, Reply message, string key, CancellationToken ct)
    {
        if (devDelay > TimeSpan.Zero)
        {
            await Task.Delay(devDelay, clock, ct);
        }

        await inbox.AddNotificationAsync(new Notification(key, recipient.Email, clock.GetUtcNow(), message), ct);
        return SendOutcome.Delivered;
    }
}
