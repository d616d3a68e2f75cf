using System.Text;

namespace OversightBot.Import.Reading;

/// <summary>Decodes text files strictly: UTF-8 (with or without a byte order mark) or UTF-16 with one; anything else is refused.</summary>
public static class PlainText
{
    public static string Decode(InputFile file)
    {
        var bytes = file.Bytes;
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var unicode = bytes[0] == 0xFF ? new UnicodeEncoding(false, true, true) : new UnicodeEncoding(true, true, true);
            return Strict(file.Name, unicode, bytes.AsSpan(2).ToArray());
        }

        var body = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        if (LooksBinary(body))
        {
            throw new ImportException($"{file.Name}: a binary file, not text, PDF, Word or a spreadsheet; nothing can be read from it.");
        }

        return Strict(file.Name, new UTF8Encoding(false, true), body);
    }

    private static string Strict(string name, Encoding encoding, byte[] body)
    {
        try
        {
            var text = encoding.GetString(body);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ImportException($"{name}: the file is empty.");
            }

            return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" at byte {ex.Index}" : "";
            throw new ImportException($"{name}: not UTF-8 text (an invalid byte{at}); it was probably saved as Windows-1252 or Latin-1. Save it as UTF-8 and import it again.");
        }
    }

    private static bool LooksBinary(byte[] body)
    {
        var n = Math.Min(body.Length, 8192);
        var control = 0;
        for (var i = 0; i < n; i++)
        {
            var b = body[i];
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                control++;
            }
        }

        return n > 0 && control * 20 > n;
    }
}
