namespace ThreatCrowd.Batch.Model;

/// <summary>An analyst's verdict on an indicator, as written in a vote file and stored.</summary>
internal enum Verdict
{
    Malicious,
    NotMalicious,
}
