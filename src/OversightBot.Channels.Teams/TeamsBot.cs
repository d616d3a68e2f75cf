using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OversightBot.Channels.Teams.Cards;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Work;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Teams;

/// <summary>The HTTP answer to an invoke activity (the body is serialized as JSON).</summary>
public sealed record InvokeResponse(int Status, object? Body);

/// <summary>
/// One authenticated activity in, the bot's turn: messages and button presses go through the same
/// <see cref="ConversationService"/> as every other channel; installs refresh conversation references.
/// </summary>
public sealed class TeamsBot(
    ConversationService conversation, TeamsPeople people, TeamsReferences references, ConnectorClient connector,
    IOptions<TeamsOptions> options, TimeProvider clock, ILogger<TeamsBot> log, IWorkQueue? queue = null)
{
    public const string NotAllowedText = "Sorry — this bot isn't available to your organisation.";
    private readonly TeamsOptions _options = options.Value;

    /// <summary>Handles the activity; returns the invoke response, or null for a plain 200.</summary>
    public async Task<InvokeResponse?> OnActivityAsync(Activity activity, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            log.LogDebug(TeamsLogEvents.ActivityWithoutConversation, "Teams: ignored a {Type} activity without serviceUrl or conversation", activity.Type);
            return null;
        }

        switch (activity.Type)
        {
            case "message":
                await OnMessageAsync(activity, ct);
                return null;
            case "invoke" when activity.Name == "adaptiveCard/action":
                return await OnCardActionAsync(activity, ct);
            case "conversationUpdate":
                await OnConversationUpdateAsync(activity, ct);
                return null;
            case "installationUpdate":
                await OnInstallationUpdateAsync(activity, ct);
                return null;
            default:
                log.LogDebug(TeamsLogEvents.ActivityIgnored, "Teams: ignored a {Type} activity", activity.Type);
                return null;
        }
    }

    /// <summary>A form sent without one of its required fields: nothing is run.</summary>
    public static string MissingInputText(string label) => $"Please fill in \"{label}\" and send again.";

    private bool TenantAllowed(Activity activity) =>
        _options.AllowedTenants.Count == 0
        || (activity.TenantId is { } tenant && _options.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase));

    private async Task OnMessageAsync(Activity activity, CancellationToken ct)
    {
        if (!TenantAllowed(activity))
        {
            await SendAsync(activity, TeamsMessages.Text(NotAllowedText, activity), ct);
            return;
        }

        var person = await people.ResolveAsync(activity, ct);
        await references.RememberAsync(activity, person, ct);
        var pressed = activity.Value is { } value ? CardActions.CommandFrom(value) : null;
        if (pressed is { Missing: { } missingInput })
        {
            await SendAsync(activity, TeamsMessages.Text(MissingInputText(missingInput), activity), ct);
            return;
        }

        var submitted = pressed?.Command;
        var text = submitted ?? StripMention(activity);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var reply = await WithTypingAsync(activity, Ask(activity, person, text, ct), ct);
        var card = TeamsMessages.Card(reply, _options.MaxCardBytes, activity);
        if (submitted is not null && activity.ReplyToId is { } cardId)
        {
            // Action.Submit from an older client: replace the card that was pressed.
            var updated = await connector.UpdateActivityAsync(activity.ServiceUrl!, activity.Conversation!.Id!, cardId, card, ct);
            if (updated.Ok)
            {
                return;
            }

            card.Id = null;
        }

        await SendAsync(activity, card, ct);
    }

    private async Task<InvokeResponse> OnCardActionAsync(Activity activity, CancellationToken ct)
    {
        if (!TenantAllowed(activity))
        {
            return MessageResponse(NotAllowedText);
        }

        var data = activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var d) ? d : default;
        var pressed = CardActions.CommandFrom(data);
        if (pressed is { Missing: { } missingInput })
        {
            return MessageResponse(MissingInputText(missingInput));
        }

        if (pressed?.Command is not { } command)
        {
            return new InvokeResponse(200, new
            {
                statusCode = 400,
                type = "application/vnd.microsoft.error",
                value = new { code = "BadRequest", message = "The button carried no command." },
            });
        }

        var person = await people.ResolveAsync(activity, ct);
        await references.RememberAsync(activity, person, ct);
        var work = Ask(activity, person, command, CancellationToken.None);
        using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var finished = await Task.WhenAny(work, Task.Delay(_options.InvokeBudget, clock, stopTimer.Token));
        await stopTimer.CancelAsync();
        if (finished == work)
        {
            return CardResponse(await work);
        }

        // Over Teams' budget: answer now, replace the card when the work is done. The queue keeps it until then, so a
        // crash means the host's worker does it again rather than never.
        var item = CardActionWork.Item(activity, command, person?.Email, clock.GetUtcNow() + WorkRunner.Lease);
        var queued = queue is not null && await queue.EnqueueWorkAsync(item, CancellationToken.None);
        _ = FinishLaterAsync(activity, work, queued ? item : null);
        return MessageResponse("Working on it — the card will update in a moment.");
    }

    private async Task FinishLaterAsync(Activity activity, Task<Reply> work, WorkItem? item)
    {
        try
        {
            var reply = await work;
            var card = TeamsMessages.Card(reply, _options.MaxCardBytes, activity);
            var result = activity.ReplyToId is { } cardId
                ? await connector.UpdateActivityAsync(activity.ServiceUrl!, activity.Conversation!.Id!, cardId, card, CancellationToken.None)
                : await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, card, ConnectorPath.Interactive, CancellationToken.None);
            if (item is null || queue is null)
            {
                return;
            }

            if (result.Ok)
            {
                await queue.CompleteWorkAsync(item.Id, CancellationToken.None);
                return;
            }

            // The command ran; keep its reply so the worker only delivers it.
            await queue.SaveWorkProgressAsync(item.Id, JsonSerializer.Serialize(reply, TeamsJson.Options), CancellationToken.None);
            await queue.FailWorkAsync(item.Id, $"The card could not be replaced ({result.Status}).", clock.GetUtcNow() + WorkRunner.Backoff(1), dead: false, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or IOException)
        {
            log.LogError(TeamsLogEvents.SlowCardActionUndelivered, ex, "Teams: a slow card action could not be finished{Retry}", item is null ? "" : "; the work queue will retry it");
        }
    }

    private async Task OnConversationUpdateAsync(Activity activity, CancellationToken ct)
    {
        var botId = activity.Recipient?.Id;
        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            await references.ForgetAsync(activity, ct);
            return;
        }

        if (!TenantAllowed(activity))
        {
            return;
        }

        var person = await people.ResolveAsync(activity, ct);
        await references.RememberAsync(activity, person, ct);
        if (activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            var welcome = await Ask(activity, person, "help", ct);
            await SendAsync(activity, TeamsMessages.Card(welcome, _options.MaxCardBytes, activity), ct);
        }
    }

    private async Task OnInstallationUpdateAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Action is { } a && a.StartsWith("remove", StringComparison.OrdinalIgnoreCase))
        {
            await references.ForgetAsync(activity, ct);
        }
        else if (TenantAllowed(activity))
        {
            await references.RememberAsync(activity, await people.ResolveAsync(activity, ct), ct);
        }
    }

    private Task<Reply> Ask(Activity activity, Person? person, string text, CancellationToken ct) =>
        conversation.HandleAsync(new InboundMessage
        {
            Channel = TeamsReferences.ChannelName,
            Text = text,
            Asker = person,
            ConversationId = activity.Conversation?.Id,
        }, ct);

    private async Task<Reply> WithTypingAsync(Activity activity, Task<Reply> work, CancellationToken ct)
    {
        if (work.IsCompleted)
        {
            return await work;
        }

        using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(_options.TypingAfter, clock, stopTimer.Token);
        var finished = await Task.WhenAny(work, timer);
        await stopTimer.CancelAsync();
        if (finished != work)
        {
            await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, TeamsMessages.Typing(activity), ConnectorPath.Interactive, ct);
        }

        return await work;
    }

    private async Task SendAsync(Activity inbound, Activity outbound, CancellationToken ct)
    {
        var conversationId = inbound.Conversation?.Id;
        if (inbound.ServiceUrl is not { } serviceUrl || conversationId is null)
        {
            return;
        }

        // In a channel, answer in the thread of the message; elsewhere, in the conversation.
        var result = inbound.Conversation?.ConversationType == "channel" && inbound.Id is { } threadId
            ? await connector.ReplyToActivityAsync(serviceUrl, conversationId, threadId, outbound, ct)
            : await connector.SendToConversationAsync(serviceUrl, conversationId, outbound, ConnectorPath.Interactive, ct);
        if (!result.Ok)
        {
            log.LogWarning(TeamsLogEvents.ReplyNotDelivered, "Teams: the reply was not delivered ({Status})", result.Status);
        }
    }

    private static InvokeResponse CardResponse(Reply reply) => new((int)HttpStatusCode.OK, new
    {
        statusCode = 200,
        type = AdaptiveCardRenderer.ContentType,
        value = AdaptiveCardRenderer.Render(reply),
    });

    private static InvokeResponse MessageResponse(string text) => new((int)HttpStatusCode.OK, new
    {
        statusCode = 200,
        type = "application/vnd.microsoft.activity.message",
        value = text,
    });

    /// <summary>Removes the bot's own @mention (the mention entity whose <c>mentioned.id</c> is the bot).</summary>
    public static string StripMention(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Type == "mention" && botId is not null && entity.Mentioned?.Id == botId && entity.Text is { Length: > 0 } mention)
            {
                text = text.Replace(mention, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        return WebUtility.HtmlDecode(text).Replace('\u00a0', ' ').Trim();
    }
}
