namespace OversightBot.Import.Reading;

/// <summary>What a file turned out to be, judged from its bytes first and its name second.</summary>
public enum InputFormat
{
    Text,
    Pdf,
    Docx,
    Csv,
    Xlsx,
    Json,
}

/// <summary>The raw bytes of one file to import, checked for size and emptiness, with its format recognised.</summary>
public sealed record InputFile(string Name, byte[] Bytes, InputFormat Format)
{
    /// <summary>Larger files are refused before they are read: no letter, report or tracker comes near this.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public static InputFile Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ImportException($"{path}: no such file.");
        }

        if (info.Length > MaxBytes)
        {
            throw new ImportException($"{info.Name}: {info.Length / (1024 * 1024)} MB is larger than the {MaxBytes / (1024 * 1024)} MB an import accepts; split the file or export only the part to import.");
        }

        return FromBytes(info.Name, File.ReadAllBytes(path));
    }

    public static InputFile FromBytes(string name, byte[] bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new ImportException($"{name}: larger than the {MaxBytes / (1024 * 1024)} MB an import accepts.");
        }

        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new ImportException($"{name}: the file is empty.");
        }

        return new InputFile(name, bytes, Detect(name, bytes));
    }

    private static InputFormat Detect(string name, byte[] bytes)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (StartsWith(bytes, "%PDF-"u8))
        {
            return InputFormat.Pdf;
        }

        if (StartsWith(bytes, "PK\u0003\u0004"u8))
        {
            return ext switch
            {
                ".docx" => InputFormat.Docx,
                ".xlsx" => InputFormat.Xlsx,
                _ => throw new ImportException($"{name}: a zip package; only Word (.docx) and Excel (.xlsx) packages can be imported, named as such."),
            };
        }

        if (ext is ".pdf" or ".docx" or ".xlsx" or ".doc" or ".xls")
        {
            throw new ImportException($"{name}: the name says {ext} but the content is not a {ext} file (damaged, or saved in an older format); save it again as {ext}.");
        }

        return ext switch
        {
            ".csv" => InputFormat.Csv,
            ".json" => InputFormat.Json,
            _ => InputFormat.Text,
        };
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> magic) => bytes.AsSpan().StartsWith(magic);
}
