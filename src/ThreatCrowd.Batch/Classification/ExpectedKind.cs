using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>What a type hint promises about a value; finer than <see cref="IndicatorType"/> where hints are.</summary>
internal enum ExpectedKind
{
    Domain,
    HostOrUrl,
    Ip,
    Email,
    AnyHash,
    Md5,
    Sha1,
    Sha256,
    Antivirus,
}
