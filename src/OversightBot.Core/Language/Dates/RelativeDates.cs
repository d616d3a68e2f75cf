namespace OversightBot.Core.Language.Dates;

/// <summary>Days relative to now: today, tomorrow, Friday, next Monday, "a week on Monday", "in 2 weeks", "3 days from today".</summary>
internal sealed partial class DateScanner
{
    private static int Iso(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;

    private static DateOnly InWeek(DateOnly anyDay, DayOfWeek d) => Tx.MondayOf(anyDay).AddDays(Iso(d) - 1);

    private DateOnly Upcoming(DayOfWeek d, bool strict)
    {
        var x = _ref.AddDays(strict ? 1 : 0);
        while (x.DayOfWeek != d)
        {
            x = x.AddDays(1);
        }

        return x;
    }

    /// <summary>this/next/last week (or "the following week") at i: the Monday of that week.</summary>
    private DateOnly? WeekRef(int i, out int end)
    {
        end = i;
        var j = W(i, "the") ? i + 1 : i;
        var shift = _t.Length > j ? _t[j].Text switch
        {
            "this" or "current" => 0,
            "next" or "following" or "coming" or "upcoming" => 1,
            "last" or "previous" or "past" => -1,
            _ => (int?)null,
        } : null;
        if (shift is not { } s || !W(j + 1, "week"))
        {
            return null;
        }

        end = j + 2;
        return Tx.MondayOf(_ref).AddDays(7 * s);
    }

    private Node? Relative(int i, out int end)
    {
        end = i + 1;
        var t = _t[i].Text;
        switch (t)
        {
            case "today":
                return Node.OnDay(_ref);
            case "tomorrow" or "tmrw" or "tmr":
                return Node.OnDay(_ref.AddDays(1));
            case "yesterday":
                return Node.OnDay(_ref.AddDays(-1));
            case "otd":
                return Node.OnDay(_ref);
            case "to" or "till" when W(i + 1, "date") && !(i > 0 && _t[i - 1].Text is "up" or "from") && !(i + 2 < N && _t[i + 2].Kind == TokKind.Punct && _t[i + 2].Text is "-"):
                end = i + 2;
                return new Node { Type = "daterange", Timex = "PRESENT_REF", End = _ref, Mod = "before", Grain = 'O' };
            case "overdue" when _gb && !(i + 1 < N && _t[i + 1].Text is "since" or "by" or "before" or "from" or "after" or "in" or "for"):
                return new Node { Type = "daterange", Timex = Tx.D(_ref), End = _ref, Mod = "before", Grain = 'D' };
        }

        if (W(i, "the") && W(i + 1, "day"))
        {
            if (W(i + 2, "after") && W(i + 3, "tomorrow") || W(i + 2, "before") && W(i + 3, "yesterday"))
            {
                end = i + 4;
                return Node.OnDay(_ref.AddDays(W(i + 2, "after") ? 2 : -2));
            }

            if (W(i + 2, "before") || W(i + 2, "after"))
            {
                end = i + 3;
                return Node.OnDay(_ref.AddDays(W(i + 2, "after") ? 1 : -1));
            }

            end = i + 2;
            return Node.OnDay(_ref);
        }

        if (W(i, "a") && W(i + 1, "week") && W(i + 2, "on") && i + 3 < N && Lexicon.Weekday(_t[i + 3]) is { } wd0)
        {
            end = i + 4;
            return Node.OnDay(Upcoming(wd0, true).AddDays(7));
        }

        // "next week Wednesday", "this week Monday", "previous week - Monday", "next week on Tuesday"
        if (WeekRef(i, out var we) is { } monday)
        {
            var k = P(we, "-") ? we + 1 : W(we, "on") ? we + 1 : we;
            if (k < N && Lexicon.Weekday(_t[k]) is { } wd1)
            {
                end = k + 1;
                return Node.OnDay(InWeek(monday, wd1));
            }
        }

        if (Lexicon.Weekday(_t[i]) is { } wd)
        {
            if (W(i + 1, "of") && WeekRef(i + 2, out var we2) is { } monday2)
            {
                end = we2;
                return Node.OnDay(InWeek(monday2, wd));
            }

            if (_t[i].Text is "sat" or "sun" or "wed" && !(i > 0 && _t[i - 1].Text is "on" or "next" or "last" or "this"))
            {
                return null;
            }

            return new Node { Value = Upcoming(wd, false), Timex = $"XXXX-WXX-{Iso(wd)}", Partial = true };
        }

        if (i + 1 < N && Lexicon.Weekday(_t[i + 1]) is { } wd2)
        {
            end = i + 2;
            DateOnly? d = t switch
            {
                "this" => InWeek(_ref, wd2),
                "next" or "following" => InWeek(_ref.AddDays(7), wd2),
                "last" or "previous" => InWeek(_ref.AddDays(-7), wd2),
                "coming" or "upcoming" => Upcoming(wd2, true),
                "past" => PastDay(wd2),
                _ => null,
            };
            if (t == "this" && (W(i + 1, "upcoming") || W(i + 1, "coming") || W(i + 1, "past")) && i + 2 < N && Lexicon.Weekday(_t[i + 2]) is { } wd3)
            {
                end = i + 3;
                d = W(i + 1, "past") ? PastDay(wd3) : Upcoming(wd3, true);
            }

            return d is { } dd ? Node.OnDay(dd) : null;
        }

        if (t == "this" && (W(i + 1, "upcoming") || W(i + 1, "coming") || W(i + 1, "past")) && i + 2 < N && Lexicon.Weekday(_t[i + 2]) is { } wd4)
        {
            end = i + 3;
            return Node.OnDay(W(i + 1, "past") ? PastDay(wd4) : Upcoming(wd4, true));
        }

        if (t == "next" && DayMonth(i + 1, out var ne) is { Partial: true, Value: { } nv } nd)
        {
            end = ne;
            return new Node { Value = nv <= _ref ? nv.AddYears(1) : nv, Timex = nd.Timex, Month = nd.Month, Day = nd.Day };
        }

        return Offset(i, out end);
    }

    private DateOnly PastDay(DayOfWeek d)
    {
        var x = _ref.AddDays(-1);
        while (x.DayOfWeek != d)
        {
            x = x.AddDays(-1);
        }

        return x;
    }

    private static DateOnly Add(DateOnly d, char unit, decimal n, int sign)
    {
        var k = (int)n * sign;
        return unit switch
        {
            'Y' => d.AddYears(k),
            'M' => d.AddMonths(k),
            'W' => d.AddDays(7 * k),
            'B' => Time.WorkingDays.EnglandAndWales.AddWorkingDays(d, k),
            _ => d.AddDays(k),
        };
    }

    /// <summary>"in 2 weeks", "in a fortnight", "3 days from today", "two days before yesterday", "2 weeks ago".</summary>
    private Node? Offset(int i, out int end)
    {
        end = i;
        if (W(i, "in") && Quantity(i + 1, out var n, out var unit, out var e) && unit is 'Y' or 'M' or 'W' or 'D')
        {
            if (W(e, "from") || W(e, "after"))
            {
                return null;
            }

            if (W(e, "since") && Simple(e + 1, out var e3) is { First: { } since })
            {
                end = e3;
                return Node.OnDay(Add(since, unit, n, 1));
            }

            end = e;
            return Node.OnDay(Add(_ref, unit, n, 1));
        }

        if (Quantity(i, out var n2, out var u2, out var f) && u2 is 'Y' or 'M' or 'W' or 'D')
        {
            if ((W(f, "from") || W(f, "after") || W(f, "before")) && Anchor(f + 1, out var a, out var fe))
            {
                end = fe;
                return Node.OnDay(Add(a, u2, n2, W(f, "before") ? -1 : 1));
            }

            if ((W(f, "from") || W(f, "after") || W(f, "before")) && Simple(f + 1, out var se) is { Type: "date", Value: { } sv } sn)
            {
                end = se;
                var anchor = sn.Partial && sv < _ref && !(sn.Timex ?? "").Contains('W', StringComparison.Ordinal) ? sv.AddYears(1) : sv;
                return Node.OnDay(Add(anchor, u2, n2, W(f, "before") ? -1 : 1));
            }

            if (W(f, "later"))
            {
                end = f + 1;
                return Node.OnDay(Add(_ref, u2, n2, 1));
            }

            if (W(f, "ago"))
            {
                end = f + 1;
                return Node.OnDay(Add(_ref, u2, n2, -1));
            }
        }

        return null;
    }

    private bool Anchor(int i, out DateOnly d, out int end)
    {
        end = i + 1;
        d = _ref;
        switch (i < N ? _t[i].Text : "")
        {
            case "today" or "now":
                return true;
            case "tomorrow" or "tmrw" or "tmr":
                d = _ref.AddDays(1);
                return true;
            case "yesterday":
                d = _ref.AddDays(-1);
                return true;
            default:
                return false;
        }
    }
}
