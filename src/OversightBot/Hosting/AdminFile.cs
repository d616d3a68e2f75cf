using System.Security.Cryptography;
using System.Text.Json;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Hosting;

/// <summary>
/// How a CLI process reaches the host that owns a store: the host's loopback address and a random key, in a file
/// beside the store that only the owner's account can read (mode 0600 on Linux and macOS; on Windows the folder's
/// access rules apply). Written when the host listens, deleted when it stops; a stale file (after a crash) names a
/// process that no longer holds the lock and is ignored.
/// </summary>
public sealed record AdminFile(string Url, string Key, int Pid)
{
    public static AdminFile Create(string url) =>
        new(url, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), Environment.ProcessId);

    public void Write(StoreFiles files)
    {
        var temp = files.Admin + ".tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, this);
        }

        File.Move(temp, files.Admin, overwrite: true);
    }

    /// <summary>The file beside the store; null when there is none.</summary>
    /// <exception cref="UnauthorizedAccessException">It exists but this account may not read it.</exception>
    public static AdminFile? Read(StoreFiles files)
    {
        try
        {
            return JsonSerializer.Deserialize<AdminFile>(File.ReadAllText(files.Admin));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    public static void Delete(StoreFiles files, int pid)
    {
        try
        {
            if (Read(files)?.Pid == pid)
            {
                File.Delete(files.Admin);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    public bool KeyMatches(string? offered) =>
        offered is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(offered), System.Text.Encoding.UTF8.GetBytes(Key));
}
