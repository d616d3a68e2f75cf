namespace OversightBot.Import.Reports;

/// <summary>A table of a committee paper: heading, an optional note, columns, rows and an optional totals row.</summary>
public sealed record ReportTable(string Heading, string? Note, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string>? Totals = null);

/// <summary>A committee paper as data, drawn by <see cref="DocxReport"/> and <see cref="HtmlReport"/>.</summary>
public sealed record Report(string Title, string Subtitle, DateOnly AsAt, IReadOnlyList<ReportTable> Tables);
