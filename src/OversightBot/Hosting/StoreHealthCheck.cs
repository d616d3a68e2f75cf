using Microsoft.Extensions.Diagnostics.HealthChecks;
using OversightBot.Core.Ports;

namespace OversightBot.Hosting;

/// <summary>The store's health check: a real read and a real write through the store (see <see cref="IStoreAdmin.HealthAsync"/>).</summary>
public sealed class StoreHealthCheck(IStoreAdmin store) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await store.HealthAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["provider"] = health.Provider,
            ["schemaVersion"] = health.SchemaVersion,
            ["items"] = health.Items,
            ["boards"] = health.Boards,
            ["people"] = health.People,
        };
        return health.Ok
            ? HealthCheckResult.Healthy("The store answers reads and writes.", data)
            : HealthCheckResult.Unhealthy($"The store failed a read or write: {health.Error}", data: data);
    }
}
