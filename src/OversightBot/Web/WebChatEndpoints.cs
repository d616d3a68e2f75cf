using System.Globalization;
using System.Text.Json;
using OversightBot.Channels.Http;
using OversightBot.Core.Conversation;
using OversightBot.Core.Input;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;
using OversightBot.Hosting;

namespace OversightBot.Web;

/// <summary>The built-in web chat: the page at /, POST /api/chat, GET /api/people (demo identities).</summary>
public static class WebChatEndpoints
{
    public const int MaxChatBodyBytes = 16 * 1024;

    /// <summary>Maps the web chat; its endpoints go in <paramref name="chat"/> (loopback only unless allowed).</summary>
    public static void Map(WebApplication app, RouteGroupBuilder chat)
    {
        chat.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        chat.MapGet("/chat.js", () => Asset("chat.js", "text/javascript; charset=utf-8"));
        chat.MapGet("/chat.css", () => Asset("chat.css", "text/css; charset=utf-8"));
        chat.MapPost("/api/chat", ChatAsync);
        chat.MapGet("/api/people", PeopleAsync);
    }

    private static IResult Asset(string name, string contentType)
    {
        var stream = typeof(WebChatEndpoints).Assembly.GetManifestResourceStream("WebAssets/" + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }

    private static async Task<IResult> ChatAsync(HttpRequest request, ConversationService conversation, IPersonStore people, CancellationToken ct)
    {
        if (request.ContentLength > MaxChatBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The message is larger than {MaxChatBodyBytes / 1024} KB.");
        }

        ChatRequest? body;
        string? problem;
        try
        {
            (body, problem) = await ReadLimitedAsync(request, ct);
        }
        catch (InvalidDataException ex)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, ex.Message);
        }

        if (problem is not null)
        {
            return Problem(StatusCodes.Status400BadRequest, problem);
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Text))
        {
            return Problem(StatusCodes.Status400BadRequest, "Say something: the body needs a non-empty \"text\".");
        }

        if (Refused(body) is { } refusal)
        {
            return Problem(StatusCodes.Status400BadRequest, refusal);
        }

        DateOnly? asOf = null;
        if (!string.IsNullOrEmpty(body.AsOf))
        {
            if (!DateOnly.TryParseExact(body.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return Problem(StatusCodes.Status400BadRequest, $"\"asOf\" '{Shorten(body.AsOf)}' is not a real date in the form YYYY-MM-DD.");
            }

            if (InputRules.AsOfProblem(d) is { } outOfRange)
            {
                return Problem(StatusCodes.Status400BadRequest, outOfRange);
            }

            asOf = d;
        }

        var who = await Identity.ResolveAsync(people, body.As, ct);
        var reply = await conversation.HandleAsync(
            new InboundMessage { Channel = "webchat", Text = body.Text, Asker = who.Person, AsOf = asOf, ConversationId = ChatConversation.For(request.HttpContext, body.Conversation) }, ct);
        return Results.Json(new ChatResponse(reply, PlainTextRenderer.Render(reply), who.Warning), ReplyJson.Compact);
    }

    /// <summary>The request, or a reason it is not one: not JSON, text that is not well-formed, the wrong shape.</summary>
    private static async Task<(ChatRequest? Body, string? Problem)> ReadLimitedAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await RawBody.ReadAsync(request, MaxChatBodyBytes, ct);
        if (body.Bytes is not { } bytes)
        {
            throw new InvalidDataException($"The message is larger than {MaxChatBodyBytes / 1024} KB.");
        }

        if (bytes.Length == 0)
        {
            return (null, null);
        }

        using var doc = JsonInput.Parse(bytes, out var problem);
        if (doc is null)
        {
            return (null, problem);
        }

        try
        {
            return (doc.RootElement.Deserialize<ChatRequest>(ReplyJson.Compact), null);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON for a chat message: {ex.Message}");
        }
    }

    /// <summary>Why a well-formed request is still refused: an oversized email or conversation id.</summary>
    private static string? Refused(ChatRequest body)
    {
        if (body.As is { Length: > InputRules.MaxEmailLength })
        {
            return $"\"as\" is longer than {InputRules.MaxEmailLength} characters.";
        }

        return InputRules.IdProblem("\"conversation\"", body.Conversation);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static async Task<IResult> PeopleAsync(IPersonStore people, CancellationToken ct)
    {
        var all = await people.PeopleAsync(ct);
        return Results.Json(all.Select(p => new { p.Email, p.Name, role = p.Role.ToString().ToLowerInvariant(), p.Team }), ReplyJson.Compact);
    }

    private static IResult Problem(int status, string message) =>
        Results.Json(new { error = message }, ReplyJson.Compact, statusCode: status);

    /// <param name="Conversation">Optional: keeps "more" apart for API callers; the page uses a cookie.</param>
    public sealed record ChatRequest(string? Text, string? AsOf, string? As, string? Conversation = null);

    public sealed record ChatResponse(Reply Reply, string Rendered, string? Warning);
}
