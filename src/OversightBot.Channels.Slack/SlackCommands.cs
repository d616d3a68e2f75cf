using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;
using OversightBot.Core.Work;

namespace OversightBot.Channels.Slack;

/// <summary>
/// <c>/oversight &lt;question&gt;</c>: answered ephemerally in the HTTP response when the answer is ready within
/// <see cref="SlackOptions.CommandBudget"/>; otherwise answered "working on it" at once and finished through the
/// command's <c>response_url</c>, kept in the durable work queue (<see cref="SlackCommandWork"/>) until delivered.
/// Work still running when the host stops is dropped here and left to the next process's worker.
/// </summary>
public sealed class SlackCommands(
    SlackCommandWork work, IWorkQueue queue, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackCommands> log, IHostApplicationLifetime? lifetime = null)
{
    public const string WorkingText = "Working on it — the answer will appear here in a moment.";
    private readonly SlackOptions _options = options.Value;

    public async Task<JsonObject> HandleAsync(IReadOnlyDictionary<string, string> form, CancellationToken ct)
    {
        var text = form.GetValueOrDefault("text")?.Trim();
        var payload = new SlackCommandWork.Payload(
            form.GetValueOrDefault("team_id"), form.GetValueOrDefault("user_id"), form.GetValueOrDefault("channel_id"),
            string.IsNullOrEmpty(text) ? "help" : text, form.GetValueOrDefault("response_url") ?? "");
        var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        var running = work.AskAsync(payload, stopping);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var finished = await Task.WhenAny(running, Task.Delay(_options.CommandBudget, clock, stop.Token));
        await stop.CancelAsync();
        if (finished == running)
        {
            return SlackBot.Ephemeral(await running);
        }

        // Over budget: answer now, post the answer to response_url when ready. The queue keeps it until then, so a
        // crash means the host's worker does it again rather than never.
        WorkItem? item = null;
        if (payload.ResponseUrl.Length > 0)
        {
            item = SlackCommandWork.Item(payload, form.GetValueOrDefault("trigger_id"), clock.GetUtcNow());
            await queue.EnqueueWorkAsync(item, CancellationToken.None);
        }

        _ = FinishLaterAsync(running, item, stopping);
        return new JsonObject { ["response_type"] = "ephemeral", ["text"] = WorkingText };
    }

    private async Task FinishLaterAsync(Task<Reply> running, WorkItem? item, CancellationToken stopping)
    {
        try
        {
            var reply = await running;
            if (item is null)
            {
                return;
            }

            var payload = JsonSerializer.Deserialize<SlackCommandWork.Payload>(item.Payload, SlackCommandWork.Json)!;
            var sent = await work.DeliverAsync(payload.ResponseUrl, reply, stopping);
            if (sent.Ok)
            {
                await queue.CompleteWorkAsync(item.Id, CancellationToken.None);
                return;
            }

            // The question was answered; keep the answer so the worker only delivers it.
            log.LogWarning(SlackLogEvents.SlackCommandsWarning1, "Slack: a late command answer was not delivered ({Error}); the work queue will retry it", sent.Error);
            await queue.SaveWorkProgressAsync(item.Id, JsonSerializer.Serialize(reply, SlackCommandWork.Json), CancellationToken.None);
            await queue.FailWorkAsync(item.Id, $"Not delivered ({sent.Error}).", clock.GetUtcNow() + WorkRunner.Backoff(1), dead: false, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: the item keeps its lease and the next worker runs it.
        }
        catch (Exception ex)
        {
            log.LogError(SlackLogEvents.SlackCommandsError2, ex, "Slack: a slash command failed after it was acknowledged{Retry}", item is null ? "" : "; the work queue will retry it");
            if (item is not null)
            {
                await queue.FailWorkAsync(item.Id, $"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow() + WorkRunner.Backoff(1), dead: false, CancellationToken.None);
            }
        }
    }
}
