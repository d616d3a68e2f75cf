using OversightBot.Core.Domain;

namespace OversightBot.Core.Conversation;

/// <summary>A message from any channel, already verified and mapped to a person by its adapter.</summary>
public sealed record InboundMessage
{
    /// <summary>"terminal", "webchat", "msteams", "slack".</summary>
    public required string Channel { get; init; }
    public required string Text { get; init; }
    /// <summary>The person asking; null for someone the store does not know (read-only).</summary>
    public Person? Asker { get; init; }
    public string? ConversationId { get; init; }
    /// <summary>Overrides "today" (Europe/London) for this message: the terminal's and web chat's --as-of.</summary>
    public DateOnly? AsOf { get; init; }
}

/// <summary>What a handler knows about the question besides the intent.</summary>
public sealed record AskContext(Person? Asker, DateOnly Today, DateTimeOffset Now, string Channel, string Text);
