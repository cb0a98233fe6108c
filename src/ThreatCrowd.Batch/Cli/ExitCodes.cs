namespace ThreatCrowd.Batch.Cli;

/// <summary>The program's exit codes; the README's "When things go wrong" explains each.</summary>
internal static class ExitCodes
{
    /// <summary>Done: everything due was asked, or the limit was reached, or there was nothing to do.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected error; the message says what happened. Nothing stored is lost.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad command line or configuration; nothing was done.</summary>
    public const int BadUsage = 2;

    /// <summary>The service could not be reached; the run stopped early and what is left stays due.</summary>
    public const int Unreachable = 3;

    /// <summary>Another process is working on the same store.</summary>
    public const int StoreLocked = 4;

    /// <summary>The store cannot be used (newer schema, not a store, unreadable); it was left untouched.</summary>
    public const int StoreUnusable = 5;

    /// <summary>
    /// The service asked for a pause (Retry-After) longer than ThreatCrowd:MaxPause or past the run window: the run
    /// stopped, wrote the tables, and what is left stays due for a run after the pause.
    /// </summary>
    public const int Paused = 6;

    /// <summary>Stopped by SIGINT or SIGTERM after storing what was answered and writing the tables.</summary>
    public const int Interrupted = 130;
}
