namespace ThreatCrowd.Batch.Configuration;

/// <summary>All settings, one property per configuration section. Defaults live here, in code.</summary>
internal sealed class BatchOptions
{
    public ThreatCrowdOptions ThreatCrowd { get; init; } = new();

    public SourcesOptions Sources { get; init; } = new();

    public LookupOptions Lookup { get; init; } = new();

    public StoreOptions Store { get; init; } = new();

    public OutputOptions Output { get; init; } = new();

    public ScheduleOptions Schedule { get; init; } = new();

    public Uri VoteUri => new(ThreatCrowd.VoteUrl);

    public Uri BaseUri => new(ThreatCrowd.BaseUrl.EndsWith('/') ? ThreatCrowd.BaseUrl : ThreatCrowd.BaseUrl + "/");
}
