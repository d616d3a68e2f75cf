using OversightBot.Storage.LiteDb;

namespace OversightBot.Cli;

/// <summary>The words an operator reads when a store is busy or refused: what happened and what to do next.</summary>
public static class StoreMessages
{
    public static string InUse(string verb) => verb switch
    {
        "serve" => "One host per store: stop that one first, or give this one another file with --db.",
        "restore" or "repair" => "Stop the host first; a store is never replaced while it is open.",
        _ => "Nothing was read or written; try again when it has finished, or stop the host.",
    };

    public static string Recovery(StoreRefusedException refused)
    {
        if (!refused.Recoverable)
        {
            return "Run a newer OversightBot on it; nothing else is needed.";
        }

        return $"""
            To recover, choose one (the host must be stopped):
              restore a backup:         OversightBot restore BACKUP.db --db "{refused.Path}"
                                        (scheduled backups are in the backups folder beside the store, newest last by name)
              salvage what is readable: OversightBot repair --db "{refused.Path}"
                                        (first moves the damaged file aside, untouched, as NAME.damaged-TIME.db)
            """;
    }
}
