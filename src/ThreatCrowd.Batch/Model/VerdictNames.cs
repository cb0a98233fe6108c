namespace ThreatCrowd.Batch.Model;

/// <summary>
/// Verdict names in files and in the store, and the value vote.php takes. The vote API encodes them the other way
/// round from the <c>votes</c> field of answers: <c>vote=0</c> is malicious, <c>vote=1</c> not malicious.
/// </summary>
internal static class VerdictNames
{
    public const string Malicious = "malicious";
    public const string NotMalicious = "not_malicious";

    public static string ToName(this Verdict verdict) => verdict == Verdict.Malicious ? Malicious : NotMalicious;

    /// <summary>The <c>vote</c> parameter of vote.php.</summary>
    public static int ToVoteParameter(this Verdict verdict) => verdict == Verdict.Malicious ? 0 : 1;

    /// <summary>Case, spaces and dashes ignored, so "Not malicious" and "not-malicious" are read too.</summary>
    public static bool TryParse(string? text, out Verdict verdict)
    {
        var name = text?.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        verdict = name == NotMalicious ? Verdict.NotMalicious : Verdict.Malicious;
        return name is Malicious or NotMalicious;
    }

    public static Verdict Parse(string name) =>
        TryParse(name, out var verdict) ? verdict : throw new ArgumentException($"unknown verdict \"{name}\"", nameof(name));
}
