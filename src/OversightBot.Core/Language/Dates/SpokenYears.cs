namespace OversightBot.Core.Language.Dates;

/// <summary>Years written in words ("nineteen eighty six", "two thousand and fifteen") and "of 87".</summary>
internal sealed partial class DateScanner
{
    /// <summary>A number from 1 to 99 in words: "five", "thirty two", "ninety-six".</summary>
    private int SmallWords(int i, out int end)
    {
        end = i;
        if (i >= N)
        {
            return 0;
        }

        if (Lexicon.Tens.TryGetValue(_t[i].Text, out var tens))
        {
            end = i + 1;
            var k = P(end, "-") ? end + 1 : end;
            if (Lexicon.Units.TryGetValue(_t[k].Text, out var u) && u is >= 1 and <= 9 && IsCardinal(k))
            {
                end = k + 1;
                return tens + u;
            }

            return tens;
        }

        if (Lexicon.Units.TryGetValue(_t[i].Text, out var v) && v is >= 1 and <= 19 && IsCardinal(i))
        {
            end = i + 1;
            return v;
        }

        return 0;
    }

    private bool IsCardinal(int i) => _t[i].Text is not ("a" or "an" or "few" or "some" or "several" or "couple");

    /// <summary>A year in words at i, or 0.</summary>
    private int SpokenYear(int i, out int end)
    {
        end = i;
        if (W(i, "two") && W(i + 1, "thousand"))
        {
            var k = W(i + 2, "and") ? i + 3 : i + 2;
            var rest = SmallWords(k, out var e);
            end = rest > 0 ? e : i + 2;
            return 2000 + rest;
        }

        var hundreds = SmallWords(i, out var h);
        if (hundreds is < 10 or > 29)
        {
            return 0;
        }

        var j = h;
        if (W(j, "hundred"))
        {
            j = W(j + 1, "and") ? j + 2 : j + 1;
        }

        var tail = SmallWords(j, out var t);
        if (tail == 0)
        {
            return 0;
        }

        end = t;
        return (hundreds * 100) + tail;
    }

    /// <summary>"of 87" after a month: a two-digit year, read in the last hundred years.</summary>
    private int TwoDigitYearAfterOf(int i, out int end)
    {
        end = i;
        if (W(i, "of") && IsNum(i + 1) && _t[i + 1].Text.Length == 2 && !(IsNum(i + 2) && Adj(i + 2)))
        {
            end = i + 2;
            var y = Num(i + 1);
            return y + (y <= _ref.Year % 100 ? 2000 : 1900);
        }

        return 0;
    }
}
