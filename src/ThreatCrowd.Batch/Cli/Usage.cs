namespace ThreatCrowd.Batch.Cli;

/// <summary>The help text: every verb and option in one screen.</summary>
internal static class Usage
{
    public const string Text =
        """
        Usage: threatcrowd-batch <command> [options]

        Commands:
          run      import the sources, look up what is due, write the tables
          resume   continue an interrupted run without reading the sources again
          status   counts by state and type, the last runs, and what is due
          export   rewrite the tables from the store (no network)
          import   read the sources into the store (no lookups)
          inspect  show how a CSV file will be read (header, columns, first values), writing nothing
          vote     send the analysts' verdicts of a CSV (indicator,verdict) to vote.php; lists them unless --confirm
          schedule stay up and run the batch on Schedule:Cron (Quartz), one run at a time
          demo     the whole pipeline offline, against a local stand-in of the service

        Options:
          --config FILE         a JSON settings file layered over config/appsettings.json
          --input FILE          a CSV file to read (run, import, vote, inspect; repeatable)
          --confirm             really send the votes (vote)
          --no-tables           only read into the store; the next run or export writes the tables (import)
          --max-lookups N       ask at most N indicators in this run (run, resume)
          --until HH:MM         stop looking up at this time of day (run, resume; Schedule:TimeZone)
          --Section:Key=VALUE   any setting, e.g. --ThreatCrowd:RequestInterval=00:00:15

        Environment variables prefixed TCB_ set any key too, e.g. TCB_Store__Path=/var/lib/tcb/store.db.
        """;
}
