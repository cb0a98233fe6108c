namespace ThreatCrowd.Batch.Inputs;

/// <summary>Kinds of file the importer tells apart: only a regular file is read.</summary>
internal enum FileNodeKind
{
    Regular,
    Directory,

    /// <summary>A pipe, a socket, a character or block device: reading one may block or never end.</summary>
    Special,
}
