using CsvHelper;

namespace OversightBot.Import.Reading;

/// <summary>Reads a CSV file (comma, semicolon, tab or bar separated, UTF-8) into rows; malformed quoting is a clear error.</summary>
public static class CsvSheet
{
    public const int MaxRows = 100_000;

    public static Sheet Read(InputFile file)
    {
        var text = PlainText.Decode(file);
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Throw,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
        };
        var rows = new List<SheetRow>();
        try
        {
            using var csv = CsvReader.FromText(text, options);
            while (csv.Read())
            {
                if (rows.Count >= MaxRows)
                {
                    throw new ImportException($"{file.Name}: more than {MaxRows} rows; split the file.");
                }

                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = csv.GetString(i) ?? "";
                }

                rows.Add(new SheetRow((int)csv.LineNumber, cells));
            }
        }
        catch (CsvFormatException ex)
        {
            throw new ImportException($"{file.Name}: not a readable CSV file near line {ex.LineNumber} ({ex.Message.Split('\n')[0]}). Nothing was imported.");
        }

        return new Sheet(file.Name, rows);
    }
}
