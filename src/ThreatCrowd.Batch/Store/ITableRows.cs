namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The rows of each output table, streamed in a stable order (import order for indicators, then relation and value)
/// so that unchanged data gives byte-identical files. Each enumeration reads the store afresh.
/// </summary>
internal interface ITableRows
{
    IEnumerable<IndicatorRow> Indicators();

    IEnumerable<RelationRow> Relations();

    IEnumerable<RejectRow> Rejects();

    IEnumerable<ChangeRow> Changes();
}
