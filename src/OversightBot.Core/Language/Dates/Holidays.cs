namespace OversightBot.Core.Language.Dates;

/// <summary>Named days: Christmas, New Year's Day, Easter (computed), St Patrick's Day and a few more, with or without a year.</summary>
internal sealed partial class DateScanner
{
    private static readonly Dictionary<string, (int Month, int Day)> FixedDays = new(StringComparer.Ordinal)
    {
        ["christmas"] = (12, 25), ["xmas"] = (12, 25), ["halloween"] = (10, 31), ["juneteenth"] = (6, 19),
    };

    private static readonly Dictionary<(string, string), (int Month, int Day)> TwoWordDays = new()
    {
        [("new", "year")] = (1, 1), [("independence", "day")] = (7, 4), [("earth", "day")] = (4, 22), [("saint", "patrick")] = (3, 17),
        [("st", "patrick")] = (3, 17), [("valentine", "day")] = (2, 14), [("boxing", "day")] = (12, 26), [("christmas", "eve")] = (12, 24),
    };

    /// <summary>Easter Sunday (Gregorian), by the anonymous algorithm.</summary>
    public static DateOnly Easter(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451, month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(y, month, day);
    }

    private Node? Holiday(int i, out int end)
    {
        end = i;
        var j = i;
        var shift = _t[i].Text switch { "last" or "previous" => -1, "next" or "following" => 1, "this" => 0, _ => 99 };
        if (shift != 99)
        {
            j++;
        }

        Func<int, DateOnly>? on = null;
        var k = j;
        if (W(j, "easter"))
        {
            on = Easter;
            k = W(j + 1, "sunday") || W(j + 1, "day") ? j + 2 : j + 1;
        }
        else if (W(j, "black") && W(j + 1, "friday"))
        {
            on = y => NthWeekday(y, 11, DayOfWeek.Thursday, 4).AddDays(1);
            k = j + 2;
        }
        else if (W(j, "thanksgiving"))
        {
            on = y => NthWeekday(y, 11, DayOfWeek.Thursday, 4);
            k = W(j + 1, "day") ? j + 2 : j + 1;
        }
        else if (j < N && FixedDays.TryGetValue(_t[j].Text, out var fd))
        {
            on = y => new DateOnly(y, fd.Month, fd.Day);
            k = W(j + 1, "day") ? j + 2 : j + 1;
        }
        else if (j + 1 < N && TwoWordDays.TryGetValue((_t[j].Text, _t[j + 1].Text), out var td))
        {
            on = y => new DateOnly(y, td.Month, td.Day);
            k = j + 2;
            if (P(k, "'") && W(k + 1, "s"))
            {
                k += 2;
            }
            else if (W(k, "s") && Adj(k))
            {
                k++;
            }

            if (W(k, "day") && _t[j + 1].Text is "year" or "patrick")
            {
                k++;
            }
        }

        if (on is null)
        {
            return null;
        }

        end = k;
        if (shift == 99 && IsNum(k) && _t[k].Text.Length == 4)
        {
            end = k + 1;
            return Node.OnDay(on(Num(k)));
        }

        var thisYear = on(_ref.Year);
        var d = shift switch
        {
            -1 => thisYear < _ref ? thisYear : on(_ref.Year - 1),
            1 => thisYear > _ref ? thisYear : on(_ref.Year + 1),
            0 => thisYear,
            _ => thisYear,
        };
        if (shift != 99)
        {
            return Node.OnDay(d);
        }

        return new Node { Value = thisYear < _ref ? on(_ref.Year + 1) : thisYear, Timex = $"XXXX-{thisYear.Month:D2}-{thisYear.Day:D2}", Partial = true, Month = thisYear.Month, Day = thisYear.Day };
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }

        return d.AddDays(7 * (n - 1));
    }
}
