namespace OversightBot.Core.Language.Dates;

/// <summary>Dates written in digits, read day first: 03/02/2023, 3-2-23, 2023-02-03, 2019/aug/01, 05-Aug-2016, 22/04.</summary>
internal sealed partial class DateScanner
{
    /// <summary>03/02/2023, 3-2-23, 2023-02-03, 2019/aug/01, 05-Aug-2016, 22/04, Oct/2, 2015-12, 12-2015.</summary>
    private Node? Numeric(int i, out int end)
    {
        end = i;
        if (!(IsNum(i) || Lexicon.Month(_t[i]) > 0) || i + 2 >= N || !Adj(i + 1) || !Adj(i + 2))
        {
            return null;
        }

        var sep = _t[i + 1].Text;
        if (_t[i + 1].Kind != TokKind.Punct || sep is not ("/" or "-" or "."))
        {
            return null;
        }

        int MonthAt(int k) => IsNum(k) && _t[k].Text.Length <= 2 ? Num(k) : Lexicon.Month(_t[k]);
        var yearFirst = IsNum(i) && _t[i].Text.Length == 4;
        var three = i + 4 < N && P(i + 3, sep) && Adj(i + 3) && Adj(i + 4) && IsNum(i + 4) && (_t[i + 4].Text.Length is 2 or 4 || (yearFirst && _t[i + 4].Text.Length == 1));
        if (three)
        {
            end = i + 5;
            if (IsNum(i) && _t[i].Text.Length == 4)
            {
                return Checked(Num(i), MonthAt(i + 2), Num(i + 4), _t[i + 4].Text.Length <= 2, i, end);
            }

            if (IsNum(i) && _t[i].Text.Length <= 2)
            {
                var y = Num(i + 4);
                var twoDigit = _t[i + 4].Text.Length == 2;
                y = twoDigit ? 2000 + y : y;
                var n = Checked(y, MonthAt(i + 2), Num(i), IsNum(i + 2) && _t[i + 2].Text.Length <= 2, i, end);
                if (n is not null && twoDigit && !_gb && n.Timex is { } tx)
                {
                    n.Timex = "XX" + tx[2..];
                }

                return n;
            }

            return null;
        }

        if (sep == ".")
        {
            return null;
        }

        end = i + 3;
        if (Lexicon.Month(_t[i]) is var lm and > 0 && IsNum(i + 2) && Num(i + 2) is >= 1 and <= 31 && _t[i + 2].Text.Length <= 2)
        {
            return MakeDate(0, lm, Num(i + 2), end, out end);
        }

        if (IsNum(i) && IsNum(i + 2))
        {
            var (a, b, la, lb) = (Num(i), Num(i + 2), _t[i].Text.Length, _t[i + 2].Text.Length);
            if (la == 4 && lb <= 2 && b is >= 1 and <= 12 && sep == "-")
            {
                return MonthRange(a, b, false);
            }

            if (lb == 4 && la <= 2 && a is >= 1 and <= 12 && sep == "-")
            {
                return MonthRange(b, a, false);
            }

            if (la <= 2 && lb <= 2 && sep == "/" && a is >= 1 and <= 31 && b is >= 1 and <= 12)
            {
                return MakeDate(0, b, a, end, out end);
            }
        }

        return null;
    }

    private Node? Checked(int y, int m, int d, bool strict, int i, int end)
    {
        if (m is < 1 or > 12 || d is < 1 or > 31)
        {
            return null;
        }

        var n = MakeDate(y, m, d, end, out _);
        if (n is not null && n.Invalid is not null)
        {
            n.Invalid = string.Concat(_t.AsSpan(i, end - i).ToArray().Select(t => t.Text));
        }

        _ = strict;
        return n;
    }
}
