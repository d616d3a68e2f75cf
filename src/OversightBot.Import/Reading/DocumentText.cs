namespace OversightBot.Import.Reading;

/// <summary>The text of a letter or report, whatever format it came in, ready for the drafters.</summary>
public static class DocumentText
{
    public static string Read(InputFile file) => file.Format switch
    {
        InputFormat.Text => PlainText.Decode(file),
        InputFormat.Pdf => PdfText.Read(file),
        InputFormat.Docx => DocxText.Read(file),
        _ => throw new ImportException($"{file.Name}: a {file.Format} file is a table, not a document."),
    };
}
