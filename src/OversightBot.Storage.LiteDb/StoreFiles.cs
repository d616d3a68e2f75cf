namespace OversightBot.Storage.LiteDb;

/// <summary>
/// The files of one store: the LiteDB file, its write log (LiteDB names it <c>NAME-log.EXT</c>), and the files beside
/// it that say who owns it (<c>.lock</c> held exclusively, <c>.owner</c> readable, <c>.admin</c> readable by the owner only).
/// </summary>
public sealed record StoreFiles
{
    public StoreFiles(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Data = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The LiteDB file (full path).</summary>
    public string Data { get; }

    /// <summary>The write log where LiteDB keeps changes until a checkpoint copies them into the file.</summary>
    public string Log => LogOf(Data);

    public string Lock => Data + ".lock";

    public string Owner => Data + ".owner";

    public string Admin => Data + ".admin";

    public string Folder => System.IO.Path.GetDirectoryName(Data) ?? ".";

    /// <summary>A file beside the store with a tag before the extension (<c>oversight.TAG.db</c>), so its own log pairs with it.</summary>
    public StoreFiles Sibling(string tag) =>
        new(System.IO.Path.Combine(Folder, $"{System.IO.Path.GetFileNameWithoutExtension(Data)}.{tag}{System.IO.Path.GetExtension(Data)}"));

    public static string LogOf(string data) =>
        System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(data) ?? ".",
            $"{System.IO.Path.GetFileNameWithoutExtension(data)}-log{System.IO.Path.GetExtension(data)}");

    /// <summary>Moves the file and its log (when there is one) to <paramref name="target"/>; never overwrites.</summary>
    public void MoveTo(StoreFiles target)
    {
        File.Move(Data, target.Data, overwrite: false);
        if (File.Exists(Log))
        {
            File.Move(Log, target.Log, overwrite: false);
        }
    }

    /// <summary>Copies the file and its log (when there is one) to <paramref name="target"/>; never overwrites.</summary>
    public void CopyTo(StoreFiles target)
    {
        File.Copy(Data, target.Data, overwrite: false);
        if (File.Exists(Log))
        {
            File.Copy(Log, target.Log, overwrite: false);
        }
    }

    /// <summary>After a checkpoint on a closed copy: removes the log, which must be empty (everything is in the file).</summary>
    public void DropFoldedLog()
    {
        if (!File.Exists(Log))
        {
            return;
        }

        if (new FileInfo(Log).Length > 0)
        {
            throw new IOException($"The write log {Log} was not folded into {Data}.");
        }

        File.Delete(Log);
    }

    public void DeleteIfPresent()
    {
        File.Delete(Data);
        File.Delete(Log);
    }
}
