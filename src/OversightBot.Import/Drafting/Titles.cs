namespace OversightBot.Import.Drafting;

/// <summary>Short titles from long sentences: the first clause, capitalised, cut at a word before the limit.</summary>
public static class Titles
{
    public const int MaxLength = 90;

    public static string From(string sentence)
    {
        var text = sentence.Replace("**", "", StringComparison.Ordinal).Trim().TrimEnd('.', ';', ':', ',', ' ');
        var stop = text.IndexOfAny(['.', ';']);
        if (stop > 20)
        {
            text = text[..stop];
        }

        if (text.Length > MaxLength)
        {
            var cut = text.LastIndexOf(' ', MaxLength - 1);
            text = text[..(cut > 30 ? cut : MaxLength - 1)].TrimEnd(',', ' ', ';', ':') + "…";
        }

        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The words after "should" / "will": "MOPAC should provide quarterly updates" → "provide quarterly updates".</summary>
    public static string AfterModal(string sentence)
    {
        foreach (var modal in new[] { " should: ", " should ", " will: ", " will " })
        {
            var at = sentence.IndexOf(modal, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return sentence[(at + modal.Length)..];
            }
        }

        return sentence;
    }
}
