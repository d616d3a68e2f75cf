namespace OversightBot.Core.Time;

/// <summary>Europe/London calendar helpers: every "today" and "09:00 Monday" in the product goes through here.</summary>
public static class London
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// The instant that is <paramref name="time"/> on <paramref name="date"/> in London. A wall time that
    /// does not exist (the spring-forward gap) moves forward by the gap; an ambiguous one (autumn) takes the
    /// first occurrence (summer time).
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local)
            ? Zone.GetAmbiguousTimeOffsets(local).Max()
            : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Noon on a London date: a safe instant for "as of" clocks.</summary>
    public static DateTimeOffset Noon(DateOnly date) => At(date, new TimeOnly(12, 0));
}
