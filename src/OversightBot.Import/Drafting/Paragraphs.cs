namespace OversightBot.Import.Drafting;

/// <summary>A paragraph of a document: its text (lines joined), whether it is a bullet, and its nesting level.</summary>
public sealed record Para(int Index, string Text, bool Bullet, int Level)
{
    public bool StartsWith(string prefix) => Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Splits document text into paragraphs: blank lines separate them, a line starting "- ", "• " or "* " starts a
/// bullet (indented = nested), and other lines continue the paragraph they follow (PDF lines wrap).
/// </summary>
public static class Paragraphs
{
    public static IReadOnlyList<Para> Split(string text)
    {
        var result = new List<Para>();
        var current = new List<string>();
        (bool Bullet, int Level) shape = (false, 0);
        void Flush()
        {
            if (current.Count > 0)
            {
                var joined = string.Join(' ', current).Trim();
                if (joined.Length > 0)
                {
                    result.Add(new Para(result.Count, joined, shape.Bullet, shape.Level));
                }

                current.Clear();
            }
        }

        foreach (var raw in text.Split('\n'))
        {
            var trimmed = raw.Trim();
            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }

            if (BulletText(trimmed) is { } item)
            {
                Flush();
                shape = (true, char.IsWhiteSpace(raw[0]) ? 1 : 0);
                current.Add(item);
                continue;
            }

            if (current.Count == 0)
            {
                shape = (false, 0);
            }

            current.Add(trimmed);
        }

        Flush();
        return result;
    }

    private static string? BulletText(string line)
    {
        if (line.Length >= 2 && line[0] is '-' or '•' or '*' && line[1] is ' ' or '\t')
        {
            return line[2..].Trim();
        }

        return line == "-" ? "" : null;
    }
}
