using System.Globalization;
using LiteDB;
using OversightBot.Core.Domain;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// How domain types are written to LiteDB. Calendar dates are ISO strings ("2023-02-06") so that they sort
/// and range-query correctly in indexes and read back without time-zone conversion.
/// </summary>
internal static class StoreMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, TrimWhitespace = false, EmptyStringToNull = false };
        mapper.RegisterType(
            d => new BsonValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            b => DateOnly.ParseExact(b.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        mapper.RegisterType(
            t => new BsonValue(t.ToString("HH:mm", CultureInfo.InvariantCulture)),
            b => TimeOnly.ParseExact(b.AsString, "HH:mm", CultureInfo.InvariantCulture));
        mapper.RegisterType(
            o => new BsonValue(o.ToString("O", CultureInfo.InvariantCulture)),
            b => DateTimeOffset.Parse(b.AsString, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        mapper.RegisterType(
            f => new BsonValue(f.Code),
            b => FlexDate.Parse(b.AsString));
        mapper.Entity<TrackedItem>().Id(i => i.Id, autoId: false)
            .Ignore(i => i.History).Ignore(i => i.HistoryOffset).Ignore(i => i.Occurrence)
            .Ignore(i => i.IsOpen).Ignore(i => i.AwaitingOthers);
        mapper.Entity<Occurrence>().Ignore(o => o.Key).Ignore(o => o.Label).Ignore(o => o.IsOpen).Ignore(o => o.Touched);
        mapper.Entity<Statistic>().Id(s => s.Id, autoId: false).Ignore(s => s.Rate);
        mapper.Entity<Board>().Id(b => b.Id, autoId: false);
        mapper.Entity<Person>().Id(p => p.Email, autoId: false);
        return mapper;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
