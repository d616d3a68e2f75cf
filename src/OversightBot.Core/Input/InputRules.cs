using System.Text;

namespace OversightBot.Core.Input;

/// <summary>
/// Limits every channel checks before anything reaches a handler or the store: text must be well-formed UTF-16,
/// ids short enough to be index keys, "as of" dates inside the range the calendar code works in.
/// </summary>
public static class InputRules
{
    /// <summary>Longest id (conversation, user, tenant, activity) accepted, in UTF-8 bytes; index keys stop at 1,023.</summary>
    public const int MaxIdBytes = 512;

    /// <summary>Longest email accepted (RFC 5321 allows 254 in practice).</summary>
    public const int MaxEmailLength = 320;

    public static readonly DateOnly EarliestAsOf = new(1900, 1, 1);
    public static readonly DateOnly LatestAsOf = new(2199, 12, 31);

    /// <summary>True when every surrogate in <paramref name="text"/> is part of a pair.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why an id is refused (<paramref name="what"/> names it), or null when it is fine.</summary>
    public static string? IdProblem(string what, string? id)
    {
        if (id is null)
        {
            return null;
        }

        if (!IsWellFormed(id))
        {
            return $"{what} is not well-formed text.";
        }

        return Encoding.UTF8.GetByteCount(id) > MaxIdBytes ? $"{what} is longer than {MaxIdBytes} bytes." : null;
    }

    /// <summary>Why an "as of" date is refused, or null when the bot can answer as of it.</summary>
    public static string? AsOfProblem(DateOnly asOf) =>
        asOf < EarliestAsOf || asOf > LatestAsOf
            ? $"The \"as of\" date {asOf:yyyy-MM-dd} is out of range: use a date from {EarliestAsOf:yyyy-MM-dd} to {LatestAsOf:yyyy-MM-dd}."
            : null;
}
