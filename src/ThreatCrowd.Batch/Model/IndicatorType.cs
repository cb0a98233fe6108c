namespace ThreatCrowd.Batch.Model;

/// <summary>The five kinds of object the ThreatCrowd API reports on; each has its own endpoint.</summary>
internal enum IndicatorType
{
    Domain,
    Ip,
    Email,
    File,
    Antivirus,
}
