namespace ThreatCrowd.StandIn;

/// <summary>The misbehaviours of the live service that the stand-in can replay.</summary>
public enum StandInFaultKind
{
    /// <summary>A given status code and body.</summary>
    Status,

    /// <summary>An arbitrary body with status 200.</summary>
    Body,

    /// <summary>The first half of the answer that would have been sent.</summary>
    Truncated,

    /// <summary>The normal answer, after a pause.</summary>
    Delay,

    /// <summary>The connection dropped without an answer.</summary>
    Reset,

    /// <summary>Headers and half the answer at once, the rest after a pause.</summary>
    SlowBody,

    /// <summary>Status 200 with a <c>Content-Encoding</c> header and a body that is not validly compressed.</summary>
    BadCompression,
}
