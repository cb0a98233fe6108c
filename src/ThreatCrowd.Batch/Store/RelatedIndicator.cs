namespace ThreatCrowd.Batch.Store;

/// <summary>
/// A related item of one or more flagged indicators that is not flagged itself: <see cref="Parents"/> counts the
/// flagged indicators it is related to, the first of which (in import order) is named, with how they are related.
/// </summary>
internal sealed record RelatedIndicator(
    string Value, long Parents, string FirstParent, string Relation, int? ParentVotes, bool ParentInFeed);
