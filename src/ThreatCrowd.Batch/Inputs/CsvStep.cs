using CsvHelper;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// One step through a CSV file: a record (read its cells from <see cref="Record"/> before the next step), or a
/// problem at a line. <see cref="Line"/> is the physical line the record or problem starts on; 0 is the whole file.
/// </summary>
internal readonly record struct CsvStep(long Line, CsvReader? Record, string? Problem, string Text)
{
    public static CsvStep ForRecord(long line, CsvReader record) => new(line, record, null, "");

    public static CsvStep ForProblem(long line, string problem, string text = "") => new(line, null, problem, text);
}
