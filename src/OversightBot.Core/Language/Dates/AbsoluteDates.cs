namespace OversightBot.Core.Language.Dates;

/// <summary>Calendar dates and periods written out: "3 February 2023", "Feb 3", "03/02/2023" (day first), "March 2023", "2021".</summary>
internal sealed partial class DateScanner
{
    private static readonly HashSet<string> MonthLeads = new(StringComparer.Ordinal)
    {
        "in", "of", "since", "from", "until", "till", "by", "before", "after", "during", "this", "next", "last", "early", "late", "mid", "to", "and", "the", "end", "start", "beginning", "between", "through",
    };

    private bool IsAbbrev(int i) => _t[i].Text.Length is 3 or 4 && _t[i].Text is not ("may" or "june" or "july");

    private Node? Absolute(int i, out int end)
    {
        end = i;
        Node? best = null;
        if (Lexicon.Weekday(_t[i]) is not null)
        {
            var j = P(i + 1, ",") ? i + 2 : i + 1;
            var inner = DayMonth(j, out var e1) ?? MonthDay(j, out e1) ?? Numeric(j, out e1);
            if (inner is not null && inner.Type == "date")
            {
                best = inner;
                end = e1;
            }
            else if (W(i + 1, "the") && DayNum(i + 2, false, out var e2) is var day and > 0 && Tx.Make(_ref.Year, _ref.Month, day) is { } d)
            {
                best = Node.OnDay(d);
                end = e2;
            }
        }

        best = Longer(best, ref end, DayMonth(i, out var a), a);
        best = Longer(best, ref end, MonthDay(i, out var b), b);
        best = Longer(best, ref end, Numeric(i, out var c), c);
        best = Longer(best, ref end, MonthYear(i, out var m), m);
        best = Longer(best, ref end, YearExpr(i, out var y), y);
        return best;
    }

    /// <summary>A day of the month: 3, 3rd, third, twenty-second.</summary>
    private int DayNum(int i, bool allowCardinalWords, out int end)
    {
        end = i;
        if (i >= N)
        {
            return 0;
        }

        if (IsNum(i) && _t[i].Text.Length <= 2 && Num(i) is >= 1 and <= 31)
        {
            end = i + 1;
            if (end < N && Adj(end) && Lexicon.IsOrdinalSuffix(_t[end].Text))
            {
                end++;
            }

            return Num(i);
        }

        var t = _t[i].Text;
        if (Lexicon.Ordinals.TryGetValue(t, out var o))
        {
            end = i + 1;
            return o;
        }

        if (Lexicon.Tens.TryGetValue(t, out var tens) && tens <= 30)
        {
            var k = P(i + 1, "-") ? i + 2 : i + 1;
            if (k < N && Lexicon.Ordinals.TryGetValue(_t[k].Text, out var u) && u < 10 && tens + u <= 31)
            {
                end = k + 1;
                return tens + u;
            }

            if (allowCardinalWords && k < N && Lexicon.Units.TryGetValue(_t[k].Text, out var cu) && cu is >= 1 and < 10 && _t[k].Text is not ("a" or "an") && tens + cu <= 31)
            {
                end = k + 1;
                return tens + cu;
            }
        }

        if (allowCardinalWords && Lexicon.Units.TryGetValue(t, out var unit) && unit is >= 1 and <= 19 && t is not ("a" or "an" or "few" or "some" or "several" or "couple"))
        {
            end = i + 1;
            return unit;
        }

        return 0;
    }

    /// <summary>A four-digit year after an optional comma or "of"/"in".</summary>
    private int YearAfter(int i, out int end)
    {
        end = i;
        var j = i;
        if (P(j, ","))
        {
            j++;
        }

        if (W(j, "of") || W(j, "in"))
        {
            j++;
        }

        if (IsNum(j) && _t[j].Text.Length == 4 && Num(j) is >= 1000 and <= 2999)
        {
            end = j + 1;
            return Num(j);
        }

        if (SpokenYear(j, out var se) is var sy and > 0)
        {
            end = se;
            return sy;
        }

        return TwoDigitYearAfterOf(i, out end);
    }

    private Node? DayMonth(int i, out int end)
    {
        end = i;
        var j = W(i, "the") ? i + 1 : i;
        var day = DayNum(j, false, out var k);
        if (day == 0 && DayNum(j, true, out var kc) is var dc and > 0 && Lexicon.Month(_t[kc]) > 0)
        {
            (day, k) = (dc, kc);
        }

        if (day == 0)
        {
            return null;
        }

        if (W(k, "of"))
        {
            k++;
        }

        var month = k < N ? Lexicon.Month(_t[k]) : 0;
        if (month == 0 || (W(k, "may") && !IsNum(j) && W(k - 1, "of") is false))
        {
            return null;
        }

        k++;
        if (P(k, ".") && Adj(k) && IsAbbrev(k - 1) && YearAfter(k + 1, out _) > 0)
        {
            k++;
        }

        return MakeDate(YearAfter(k, out var ye), month, day, ye > k ? ye : k, out end);
    }

    private Node? MonthDay(int i, out int end)
    {
        end = i;
        var month = Lexicon.Month(_t[i]);
        if (month == 0)
        {
            return null;
        }

        var k = i + 1;
        if (P(k, ".") && Adj(k) && IsAbbrev(k - 1))
        {
            k++;
        }

        if (W(k, "the"))
        {
            k++;
        }

        if (P(k, ",") && IsNum(k + 1) && Lexicon.IsOrdinalSuffix(_t[k + 2].Text))
        {
            k++;
        }

        var day = DayNum(k, true, out var k2);
        if (W(k2, "thousand") || W(k2, "hundred") || (!IsNum(k) && SpokenYear(k, out var sye) > 0 && sye > k2))
        {
            return null;
        }

        if (day == 0 || (IsNum(k) && k2 < N && Lexicon.Month(_t[k2]) == 0 && (W(k2, "hours") || W(k2, "days") || W(k2, "minutes"))))
        {
            return null;
        }

        return MakeDate(YearAfter(k2, out var ye), month, day, ye > k2 ? ye : k2, out end);
    }

    private Node? MakeDate(int year, int month, int day, int next, out int end)
    {
        end = next;
        var y = year > 0 ? year : _ref.Year;
        var timex = year > 0 ? $"{Tx.Y(year)}-{month:D2}-{day:D2}" : $"XXXX-{month:D2}-{day:D2}";
        if (Tx.Make(y, month, day) is { } d)
        {
            return new Node { Value = d, Timex = timex, Partial = year == 0, Month = month, Day = day };
        }

        return day <= 31 ? new Node { Timex = timex, Partial = year == 0, Month = month, Day = day, Invalid = "?" } : null;
    }

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

    private static Node MonthRange(int year, int month, bool partial)
    {
        var s = new DateOnly(year, month, 1);
        return new Node { Type = "daterange", Grain = 'M', Start = s, End = s.AddMonths(1), Timex = partial ? $"XXXX-{month:D2}" : Tx.M(year, month), Partial = partial, Month = month };
    }

    private Node? MonthYear(int i, out int end)
    {
        end = i;
        var m = Lexicon.Month(_t[i]);
        if (m > 0)
        {
            var k = i + 1;
            if (P(k, ".") && Adj(k) && IsAbbrev(k - 1))
            {
                k++;
            }

            if (P(k, ",") || P(k, "-") || P(k, "/"))
            {
                k++;
            }

            if (W(k, "of") || W(k, "in"))
            {
                k++;
            }

            if (IsNum(k) && _t[k].Text.Length == 4 && Num(k) is >= 1000 and <= 2999)
            {
                end = k + 1;
                return MonthRange(Num(k), m, false);
            }

            if ((SpokenYear(k, out var swe) is var sw and > 0) || (TwoDigitYearAfterOf(i + 1, out swe) is var tw and > 0 && (sw = tw) > 0))
            {
                end = swe;
                return MonthRange(sw, m, false);
            }

            var lead = (i > 0 && _t[i - 1].Kind == TokKind.Word && MonthLeads.Contains(_t[i - 1].Text) && (_t[i].Cap || _t[i].Text != "may" || _t[i - 1].Text is "in" or "since" or "until" or "during"))
                || ((P(i + 1, "-") || W(i + 1, "to") || W(i + 1, "through") || W(i + 1, "until")) && Lexicon.Month(_t[i + 2]) > 0);
            if (_t[i].Text is "may" or "mar" or "jan" or "dec" or "jun" or "jul" or "sep" or "oct" or "nov" or "aug" or "feb" or "apr" && !lead)
            {
                return null;
            }

            end = P(i + 1, ".") && Adj(i + 1) && IsAbbrev(i) ? i + 2 : i + 1;
            return _gb ? MonthRange(_ref.Year, m, false) : MonthRange(_ref.Year, m, true);
        }

        if (IsNum(i) && _t[i].Text.Length == 4 && i + 1 < N && Lexicon.Month(_t[i + 1]) is var m2 and > 0 && !(IsNum(i + 2) && Num(i + 2) <= 31))
        {
            end = i + 2;
            return MonthRange(Num(i), m2, false);
        }

        return null;
    }

    private Node? YearExpr(int i, out int end)
    {
        end = i;
        var j = i;
        if (W(j, "year") || ((W(j, "calendar") || W(j, "cy")) && (W(j + 1, "year") || IsNum(j + 1) || IsNum(j + 1))))
        {
            j += W(j, "calendar") && W(j + 1, "year") ? 2 : 1;
            if (W(i, "cy") && IsNum(j) && _t[j].Text.Length == 2 && Adj(j))
            {
                end = j + 1;
                return YearRange(2000 + Num(j));
            }
        }

        if (i > 0 && _t[i - 1].Text is "in" or "since" or "from" or "until" or "of" && SpokenYear(j, out var spe) is var spy and > 0)
        {
            end = spe;
            return YearRange(spy);
        }

        if (IsNum(j) && _t[j].Text.Length == 4 && Num(j) is >= 1900 and <= 2099)
        {
            if ((P(j + 1, "-") && IsNum(j + 2) && _t[j + 2].Text.Length != 4) || (j >= 2 && P(j - 1, "-") && IsNum(j - 2) && _t[j - 2].Text.Length != 4))
            {
                return null;
            }

            end = j + 1;
            if (end < N && Adj(end) && _t[end].Kind == TokKind.Word && _t[end].Text != "s")
            {
                return null;
            }

            if (W(end, "s"))
            {
                var y0 = Num(j) / 10 * 10;
                end++;
                return Node.Range(new DateOnly(y0, 1, 1), new DateOnly(y0 + 10, 1, 1), Tx.Span(new DateOnly(y0, 1, 1), new DateOnly(y0 + 10, 1, 1), "P10Y"), 'O');
            }

            return YearRange(Num(j));
        }

        return null;
    }

    private static Node YearRange(int y) =>
        new() { Type = "daterange", Grain = 'Y', Start = new DateOnly(y, 1, 1), End = new DateOnly(y + 1, 1, 1), Timex = Tx.Y(y) };
}
