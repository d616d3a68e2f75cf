using OversightBot.Core.Domain;

namespace OversightBot.Testing;

/// <summary>Test data builders: <c>Some.Item("R-1", due: Some.Date(2023, 2, 6))</c>.</summary>
public static class Some
{
    public static DateOnly Date(int year, int month, int day) => new(year, month, day);

    public static SourceRef Source(string document = "Committee letter", DateOnly? date = null) => new()
    {
        Document = document,
        Issuer = "Police and Crime Committee",
        Date = date ?? new DateOnly(2023, 1, 9),
        Quote = "within four weeks",
    };

    public static TrackedItem Item(
        string id = "R-1",
        DateOnly? due = null,
        ItemStatus status = ItemStatus.Open,
        string owner = "Strategy and MPS Oversight Directorate",
        ItemKind kind = ItemKind.Recommendation,
        string? title = null,
        DateOnly? closed = null) => new()
    {
        Id = id,
        Kind = kind,
        Title = title ?? $"Item {id}",
        Source = Source(),
        Owner = owner,
        Due = due,
        Status = status,
        Closed = closed,
    };

    public static Person Person(string email = "olivia.officer@example.org", Role role = Role.Officer, string? team = "Strategy and MPS Oversight Directorate") => new()
    {
        Email = email,
        Name = email.Split('@')[0],
        Role = role,
        Team = team,
    };

    public static Board Board(string id = "lcrb", string name = "London Crime Reduction Board", params string[] aliases) => new()
    {
        Id = id,
        Name = name,
        Aliases = [.. aliases],
        CadenceDays = 91,
        PublicationWindowDays = 42,
    };
}
