namespace OversightBot.Storage.LiteDb;

/// <summary>Who holds a store: written beside it by the owner when it takes the lock.</summary>
public sealed record StoreHolder(int Pid, string Verb, DateTimeOffset Since, string Machine)
{
    public override string ToString() =>
        $"process {Pid} ({Verb}, since {Since.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC{(Machine.Length > 0 ? ", on " + Machine : "")})";
}

/// <summary>Another process owns the store file; nothing was read or written.</summary>
public sealed class StoreInUseException(string path, StoreHolder? holder)
    : Exception($"The store {path} is in use by {holder?.ToString() ?? "another process"}.")
{
    public string Path { get; } = path;
    public StoreHolder? Holder { get; } = holder;
}

/// <summary>
/// The store file cannot be used as it is (damaged, truncated, its write log missing, or newer than this build).
/// It was not changed; <see cref="Recovery"/> says what an operator can do.
/// </summary>
public sealed class StoreRefusedException(string path, string reason, bool recoverable = true)
    : Exception($"The store {path} cannot be used: {reason} Nothing was changed.")
{
    public string Path { get; } = path;
    public string Reason { get; } = reason;

    /// <summary>False when only a newer build can open the file (no restore or repair helps).</summary>
    public bool Recoverable { get; } = recoverable;
}
