namespace OversightBot.Core.Ports;

public sealed record StoreHealth(bool Ok, string Provider, int SchemaVersion, int Items, int Boards, int People, string? Location, string? Error);

/// <summary>Store-wide operations: health and first-start seeding.</summary>
public interface IStoreAdmin
{
    Task<StoreHealth> HealthAsync(CancellationToken ct);

    /// <summary>True when the store holds no items, boards or people.</summary>
    Task<bool> IsEmptyAsync(CancellationToken ct);
}
