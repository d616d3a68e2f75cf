namespace OversightBot.Core.Language;

/// <summary>The simplest recognizer: enough for "what's overdue?" and "help".</summary>
public sealed class KeywordRecognizer : IIntentRecognizer
{
    public Understanding Recognize(string text, DateOnly today)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        Intent intent = t switch
        {
            _ when t.Contains("overdue", StringComparison.Ordinal) || t.Contains("late", StringComparison.Ordinal) => new OverdueQuery(),
            "help" or "?" => new Help(),
            _ => new Unknown(text ?? ""),
        };
        return new Understanding(intent, null, Entities.None);
    }
}
