namespace ThreatCrowd.Batch.Store;

/// <summary>The history of runs: started, how much was due, what they did, and why they ended.</summary>
internal interface IRunLog
{
    /// <summary>The reason recorded for a run whose process died without saying why (a hard kill, a power cut).</summary>
    const string Killed = "killed";

    /// <summary>The reason recorded for a run that stopped on an error: "failed: " and what went wrong, on one line.</summary>
    static string Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = string.Join(' ', exception.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        const int MaxLength = 300;
        return "failed: " + (reason.Length > MaxLength ? string.Concat(reason.AsSpan(0, MaxLength), "…") : reason);
    }

    /// <summary>Records a new run (and any unfinished one before it as killed); returns its id.</summary>
    long Start(string verb, DateTimeOffset at);

    void SetDue(long runId, long due);

    void Finish(long runId, DateTimeOffset at, string because);

    RunRecord? Get(long runId);

    /// <summary>The latest <paramref name="count"/> runs, newest first.</summary>
    IReadOnlyList<RunRecord> Latest(int count);

    /// <summary>The latest run of this verb that ended by itself (not killed, not interrupted, not failed).</summary>
    RunRecord? LastFinished(string verb);
}
