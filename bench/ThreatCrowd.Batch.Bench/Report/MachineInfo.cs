using System.Globalization;

namespace ThreatCrowd.Batch.Bench.Report;

/// <summary>The machine the figures were taken on: cores, memory and CPU model, as Linux reports them.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var memory = Read("/proc/meminfo", "MemTotal:") is { } total && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture, out var kib)
            ? string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0 / 1024.0:F1} GiB")
            : "unknown memory";
        var cpu = Read("/proc/cpuinfo", "model name") is { } model ? model.TrimStart(':', ' ', '\t') : "unknown CPU";
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {memory}, {cpu}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
    }

    private static string? Read(string file, string prefix)
    {
        try
        {
            return File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
