namespace OversightBot.Import.Drafting;

/// <summary>Accountable bodies the documents name by their short forms, and their full names.</summary>
public static class Bodies
{
    private static readonly (string Short, string Full)[] Known =
    [
        ("MOPAC", "Mayor's Office for Policing and Crime"),
        ("VRU", "Violence Reduction Unit"),
        ("MPS", "Metropolitan Police Service"),
        ("the Met", "Metropolitan Police Service"),
        ("TfL", "Transport for London"),
        ("DMPC", "Deputy Mayor for Policing and Crime"),
        ("GLA", "Greater London Authority"),
    ];

    /// <summary>The body named as the subject before "should"/"will" in <paramref name="sentence"/>, by its full name.</summary>
    public static string? SubjectOf(string sentence)
    {
        var modal = sentence.IndexOf(" should", StringComparison.OrdinalIgnoreCase);
        if (modal < 0)
        {
            modal = sentence.IndexOf(" will", StringComparison.OrdinalIgnoreCase);
        }

        var head = modal < 0 ? "" : sentence[..modal].TrimEnd(':', ',', ' ');
        return Known.Where(k => head.EndsWith(k.Short, StringComparison.Ordinal) && ContainsWord(head, k.Short)).Select(k => k.Full).FirstOrDefault();
    }

    /// <summary>Typographic apostrophes folded, so "Mayor’s Office" and "Mayor's Office" are one owner.</summary>
    public static string? Clean(string? name) => name?.Replace('\u2019', '\'').Trim();

    public static string? Expand(string? name) =>
        name is null ? null : Known.FirstOrDefault(k => string.Equals(k.Short, name.Trim(), StringComparison.OrdinalIgnoreCase)).Full ?? name.Trim();

    private static bool ContainsWord(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        return at >= 0 && (at == 0 || !char.IsLetter(text[at - 1])) && (at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]));
    }
}
