using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>An indicator taken from the queue, with the state it was in when taken and its pivot depth (0: an input).</summary>
internal sealed record QueuedIndicator(long Id, Indicator Indicator, IndicatorState State, int Depth = 0);
