namespace OversightBot.Import.Reading;

/// <summary>One row of a spreadsheet or CSV file: its 1-based row number and its cells as text (dates as YYYY-MM-DD when the sheet typed them).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index].Trim() : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A table read from CSV or the first worksheet of an .xlsx workbook.</summary>
public sealed record Sheet(string Name, IReadOnlyList<SheetRow> Rows);
