namespace ThreatCrowd.StandIn;

/// <summary>Every request received, in arrival order; requests arrive on many threads at once.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<StandInRequest> _requests = [];

    public void Add(StandInRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    public IReadOnlyList<StandInRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }
}
