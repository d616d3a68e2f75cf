using OversightBot.Core.Input;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;
using OversightBot.Hosting;

namespace OversightBot.Web;

/// <summary>GET /api/notifications?as=EMAIL: the signed-in demo user's proactive messages, newest first.</summary>
public static class NotificationEndpoints
{
    public const int MaxShown = 50;

    public static void Map(RouteGroupBuilder chat) => chat.MapGet("/api/notifications", ListAsync);

    private static async Task<IResult> ListAsync(string? @as, INotificationInbox inbox, IPersonStore people, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(@as))
        {
            return Results.Json(new { error = "Say who you are: /api/notifications?as=EMAIL." }, ReplyJson.Compact, statusCode: StatusCodes.Status400BadRequest);
        }

        if (@as.Length > InputRules.MaxEmailLength || !InputRules.IsWellFormed(@as))
        {
            return Results.Json(new { error = $"\"as\" must be an email of at most {InputRules.MaxEmailLength} characters." }, ReplyJson.Compact, statusCode: StatusCodes.Status400BadRequest);
        }

        if (await people.GetPersonAsync(@as, ct) is null)
        {
            return Results.Json(new { error = $"No person with email {@as.Trim()} is known." }, ReplyJson.Compact, statusCode: StatusCodes.Status404NotFound);
        }

        var list = await inbox.NotificationsAsync(@as, MaxShown, ct);
        return Results.Json(
            list.Select(n => new NotificationView(n.Key, n.At, n.Message, PlainTextRenderer.Render(n.Message))),
            ReplyJson.Compact);
    }

    public sealed record NotificationView(string Key, DateTimeOffset At, Reply Message, string Rendered);
}
