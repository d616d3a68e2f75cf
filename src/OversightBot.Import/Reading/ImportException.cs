namespace OversightBot.Import.Reading;

/// <summary>An input the importer refuses, with a message a clerk can act on. Nothing has been written when it is thrown.</summary>
public sealed class ImportException(string message) : Exception(message);
