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
}
