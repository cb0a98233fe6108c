namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// One raw value read from a source, with where it came from. <paramref name="TypeHint"/> is what the source says
/// the value is (a column name such as "md5", a type column's cell, a feed's type), or null when it says nothing.
/// A non-null <paramref name="Problem"/> means the entry could not be read as a value at all; it becomes a reject.
/// A non-null <paramref name="Skipped"/> means the source says the value is not a lookup (a MISP link, a certificate
/// fingerprint): it is counted under that reason, neither stored nor rejected. <paramref name="Context"/> is what
/// the source's row says about the indicator ("feodo: Pikabot"), or null.
/// Line 0 stands for the source as a whole (a file that cannot be opened).
/// </summary>
internal sealed record SourceEntry(
    string Source, long Line, string Value, string? TypeHint, string? Problem = null, string? Skipped = null, string? Context = null);
