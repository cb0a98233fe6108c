namespace ThreatCrowd.Batch.Configuration;

/// <summary>The configuration cannot be used; the message names every key that is wrong and how.</summary>
internal sealed class ConfigurationError(string message, Exception? inner = null) : Exception(message, inner);
