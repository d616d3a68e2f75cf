using System.Text.Json;
using OversightBot.Channels.Slack.Api;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;
using OversightBot.Core.Work;

namespace OversightBot.Channels.Slack;

/// <summary>
/// A slash command that outlived <see cref="SlackOptions.CommandBudget"/>, kept in the durable work queue until its
/// answer reached the command's <c>response_url</c>. The request that started it usually finishes it; after a crash
/// the host's worker runs the question again (unless the answer was kept as progress) and posts it.
/// </summary>
public sealed class SlackCommandWork(SlackBot bot, SlackPeople people, SlackApiClient api) : IWorkHandler
{
    public const string WorkKind = "slack.command";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => WorkKind;

    /// <summary>What is kept: who asked what, where, and where to answer.</summary>
    public sealed record Payload(string? TeamId, string? UserId, string? ChannelId, string Text, string ResponseUrl);

    public static WorkItem Item(Payload payload, string? triggerId, DateTimeOffset now) => new()
    {
        Id = $"slack:command:{payload.TeamId}:{triggerId ?? Guid.NewGuid().ToString("N")}",
        Kind = WorkKind,
        Payload = JsonSerializer.Serialize(payload, Json),
        ReadyAt = now + WorkRunner.Lease,
        Attempts = 1,
        KeepIdUntil = now + SlackEventWork.RememberIds,
    };

    public async Task RunAsync(WorkItem item, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(item.Payload, Json)
            ?? throw new InvalidOperationException("The work item carries no slash command.");
        var reply = item.Progress is { } kept ? JsonSerializer.Deserialize<Reply>(kept, Json)! : await AskAsync(payload, ct);
        var sent = await DeliverAsync(payload.ResponseUrl, reply, ct);
        if (!sent.Ok)
        {
            throw new HttpRequestException($"The late answer was not delivered ({sent.Error}).");
        }
    }

    public async Task<Reply> AskAsync(Payload payload, CancellationToken ct)
    {
        var person = await people.ResolveAsync(payload.TeamId, payload.UserId, null, ct);
        return await bot.AskAsync(person, payload.Text, payload.ChannelId, ct);
    }

    /// <summary>Replaces the "working on it" answer with the reply.</summary>
    public Task<SlackApiResult> DeliverAsync(string responseUrl, Reply reply, CancellationToken ct)
    {
        var message = SlackBot.Ephemeral(reply);
        message["replace_original"] = true;
        return api.RespondAsync(responseUrl, message, ct);
    }
}
