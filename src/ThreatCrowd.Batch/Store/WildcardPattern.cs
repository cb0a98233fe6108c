using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.Store;

/// <summary>A source-name pattern: <c>*</c> matches any run of characters (slashes included), <c>?</c> one.</summary>
internal sealed class WildcardPattern(string pattern)
{
    private readonly Regex _regex = new(
        "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline,
        TimeSpan.FromSeconds(1));

    public bool Matches(string name) => _regex.IsMatch(name);
}
