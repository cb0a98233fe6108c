namespace ThreatCrowd.Batch.Model;

/// <summary>Why a run's lookups ended; the name is what the store and status show.</summary>
internal enum RunEnd
{
    /// <summary>Everything that was due was asked.</summary>
    Completed,

    /// <summary>Lookup:MaxPerRun or --max-lookups was reached; the rest stays due.</summary>
    LimitReached,

    /// <summary>SIGINT or SIGTERM: stopped after storing what had been answered.</summary>
    Interrupted,

    /// <summary>The service could not be reached several times in a row; what was not answered stays due.</summary>
    Unreachable,

    /// <summary>The run's window (Lookup:StopAt or --until) closed; the rest is done by the next run.</summary>
    WindowClosed,

    /// <summary>The server asked for a pause (Retry-After) longer than ThreatCrowd:MaxPause or past the window; the rest stays due.</summary>
    Paused,
}
