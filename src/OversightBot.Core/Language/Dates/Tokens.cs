namespace OversightBot.Core.Language.Dates;

internal enum TokKind
{
    Word,
    Number,
    Punct,
}

/// <summary>One token: a run of letters (lower-cased), a run of ASCII digits, or one other character.</summary>
internal readonly record struct Tok(int Start, int End, string Text, TokKind Kind, bool SpaceBefore, bool Cap = false)
{
    /// <summary>The numeric value of a digit token (at most 9 digits), else -1.</summary>
    public int Value => Kind == TokKind.Number && Text.Length <= 9 ? int.Parse(Text, System.Globalization.CultureInfo.InvariantCulture) : -1;

    public bool Is(string word) => string.Equals(Text, word, StringComparison.Ordinal);
}

/// <summary>Splits text into tokens in one pass; no regular expressions, so time is linear in the input.</summary>
internal static class Tokenizer
{
    public static Tok[] Tokenize(string text)
    {
        var list = new List<Tok>(Math.Min(text.Length / 3 + 4, 4096));
        var i = 0;
        var space = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            var start = i;
            TokKind kind;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                kind = TokKind.Number;
            }
            else if (char.IsLetter(c))
            {
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                kind = TokKind.Word;
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                kind = TokKind.Punct;
            }

            var s = text[start..i];
            list.Add(new Tok(start, i, kind == TokKind.Word ? s.ToLowerInvariant() : s, kind, space, char.IsUpper(c)));
            space = false;
        }

        return [.. list];
    }
}
