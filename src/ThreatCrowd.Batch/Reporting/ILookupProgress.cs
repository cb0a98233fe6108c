
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Reporting;

/// <summary>What the lookup loop reports as it goes; shown as plain lines or as a live display.</summary>
internal interface ILookupProgress
{
    void Starting(Indicator indicator);

    void Answered(Indicator indicator, LookupAnswer answer);

    void Failed(Indicator indicator, string reason, int attempts);

    void Skipped(Indicator indicator, string why);
}
