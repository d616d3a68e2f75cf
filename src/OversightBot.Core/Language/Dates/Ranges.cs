namespace OversightBot.Core.Language.Dates;

/// <summary>Joining two ends into one range: years and months filled in from the other end, spec duration units.</summary>
internal sealed partial class DateScanner
{
    private Node? Combine(Node a, Node b)
    {
        if (a.BareDay)
        {
            if (b.Type != "date" || b.First is not { } bf || Tx.Make(bf.Year, bf.Month, a.Day) is not { } ad)
            {
                return null;
            }

            a = Node.OnDay(ad, b.Partial ? $"XXXX-{ad.Month:D2}-{ad.Day:D2}" : null);
            a.Partial = b.Partial;
        }

        if (a.Partial && !b.Partial && a.First is { } af0 && b.First is { } bf0)
        {
            var y = a.Month > bf0.Month || (a.Month == bf0.Month && a.Day > bf0.Day) ? bf0.Year - 1 : bf0.Year;
            if (Rebase(a, y) is { } rebased)
            {
                a = rebased;
                a.Partial = false;
            }
            _ = af0;
        }
        else if (a.Partial && b.Partial && a.First is { } af1 && b.First is { } bf1 && bf1 < af1)
        {
            b = Rebase(b, bf1.Year + 1) ?? b;
        }

        if (a.Mod is "end" or "start" && (a.Mod == "end" ? a.End : a.Start) is { } ae)
        {
            a = new Node { Type = "daterange", Grain = 'M', Start = ae, End = ae.AddMonths(1), Partial = a.Partial, Month = ae.Month };
        }

        if (b.Mod is "end" or "start" && (b.Mod == "end" ? b.End : b.Start) is { } be0)
        {
            b = new Node { Type = "daterange", Grain = 'M', Start = be0, End = be0, Partial = b.Partial, Month = be0.Month };
        }

        if (a.First is not { } s)
        {
            return null;
        }

        if (b.Partial && b.Timex is { } wx && wx.StartsWith("XXXX-WXX-", StringComparison.Ordinal) && b.Value is { } bw)
        {
            var d = s;
            while (d.DayOfWeek != bw.DayOfWeek)
            {
                d = d.AddDays(1);
            }

            b = Node.OnDay(d);
        }

        var monthish = a.Grain is 'M' or 'Q' or 'Y' && b.Grain is 'M' or 'Q' && !(a.Grain == 'Y' && b.Grain == 'Y');
        DateOnly e;
        string dur;
        if (monthish && b.Start is { } bs && b.End is { } be)
        {
            e = _gb && b.Grain == 'M' ? be : bs;
            dur = $"P{Tx.MonthsBetween(s, e)}M";
        }
        else if (a.Grain == 'Y' && b.Grain == 'Y' && b.Start is { } ys)
        {
            e = ys;
            dur = $"P{e.Year - s.Year}Y";
        }
        else if (b.Value is { } bv)
        {
            e = bv;
            dur = $"P{e.DayNumber - s.DayNumber}D";
        }
        else if (b.Start is { } bs2)
        {
            e = bs2;
            dur = a.Grain == 'M' && b.Grain == 'M' ? $"P{Tx.MonthsBetween(s, e)}M" : $"P{e.DayNumber - s.DayNumber}D";
        }
        else
        {
            return null;
        }

        if (e <= s)
        {
            return null;
        }

        var range = Node.Range(s, e, Tx.Span(Edge(a, s), Edge(b, e), dur), 'O');
        range.Deadline = b.Grain == 'D' && b.Value is not null;
        return range;
    }

    private static string Edge(Node n, DateOnly d) => n.Partial ? $"XXXX-{d.Month:D2}-{d.Day:D2}" : Tx.D(d);

    private static Node? Rebase(Node n, int year)
    {
        if (n.Grain == 'M')
        {
            var s = new DateOnly(year, n.Month, 1);
            return new Node { Type = "daterange", Grain = 'M', Start = s, End = s.AddMonths(1), Partial = n.Partial, Month = n.Month, Timex = n.Timex };
        }

        return n.Value is { } v && Tx.Make(year, v.Month, v.Day) is { } d ? new Node { Value = d, Timex = n.Timex, Partial = n.Partial, Month = d.Month, Day = d.Day } : null;
    }
}
