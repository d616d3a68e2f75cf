namespace OversightBot.Hosting;

/// <summary>
/// Who this process is to a store (the verb recorded beside a store it owns), and — inside the running host, while it
/// runs a verb on behalf of a CLI process — the host's own runtime, which <see cref="BotRuntime.OpenAsync"/> lends
/// instead of opening the file a second time.
/// </summary>
public static class StoreAccess
{
    private static readonly AsyncLocal<BotRuntime?> HostRuntime = new();

    /// <summary>The verb this process runs; set once by the command line.</summary>
    public static string Verb { get; set; } = "tool";

    /// <summary>The host's runtime, when the current flow runs a verb inside the host.</summary>
    public static BotRuntime? Host => HostRuntime.Value;

    /// <summary>Runs the rest of the current flow (a verb inside the host) on <paramref name="runtime"/>.</summary>
    public static void LendHost(BotRuntime runtime) => HostRuntime.Value = runtime;
}
