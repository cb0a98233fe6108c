namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// How to read a value given the type a row's type cell names. <see cref="Hints"/> holds one hint for a plain type,
/// or one per part of a composite MISP value (domain|ip: both; filename|md5: null for the file name, md5 for the
/// hash); a null part is not read. <see cref="SkipReason"/> is set for a type that is not a lookup.
/// </summary>
internal sealed record TypeReading(string?[] Hints, string? SkipReason)
{
    public bool IsComposite => Hints.Length > 1;

    public static TypeReading Plain(string hint) => new([hint], null);

    public static TypeReading Parts(params string?[] hints) => new(hints, null);

    public static TypeReading Skip(string type) => new([], $"type \"{type}\" is not looked up");
}
