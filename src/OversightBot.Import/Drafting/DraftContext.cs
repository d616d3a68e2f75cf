using OversightBot.Core.Language;

namespace OversightBot.Import.Drafting;

/// <summary>A document being drafted from: its file name, text and paragraphs.</summary>
public sealed class DraftContext(string file, string text)
{
    public string File { get; } = file;
    public string Text { get; } = text;
    public IReadOnlyList<Para> Paras { get; } = Paragraphs.Split(text);

    /// <summary>What the drafters noticed about the document as a whole (e.g. it carries no date).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>A paragraph that is nothing but a date ("Monday 9 January 2023", "Date: 9 January 2023"), resolved.</summary>
    public static DateOnly? StandaloneDate(Para p)
    {
        var text = p.Text.StartsWith("Date:", StringComparison.OrdinalIgnoreCase) ? p.Text[5..].Trim() : p.Text;
        if (text.Length is 0 or > 40 || !text.Any(char.IsDigit))
        {
            return null;
        }

        var mentions = DateRecognizer.Recognize(text, new DateOnly(2000, 1, 1));
        return mentions is [{ Type: "date", Date: { } d, Timex: { Length: 10 } t }] && t[0] != 'X' && mentions[0].Text.Length >= text.Length - 2 ? d : null;
    }

    /// <summary>The first full date (day, month and year) written in <paramref name="text"/>.</summary>
    public static DateOnly? FirstFullDate(string text) =>
        DateRecognizer.Recognize(text, new DateOnly(2000, 1, 1))
            .FirstOrDefault(m => m is { Type: "date", Date: not null, Timex: { Length: 10 } t } && t[0] != 'X')?.Date;

    public int IndexOf(Func<Para, bool> predicate, int from = 0)
    {
        for (var i = Math.Max(0, from); i < Paras.Count; i++)
        {
            if (predicate(Paras[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Drafts items from one kind of document. <see cref="Matches"/> is how <c>--kind auto</c> recognises it.</summary>
public interface IDrafter
{
    /// <summary>The <c>--kind</c> name: letter, governance-statement, member-letter, decision, inspection, report.</summary>
    string Kind { get; }

    bool Matches(DraftContext document);

    IReadOnlyList<Draft> Draft(DraftContext document);
}
