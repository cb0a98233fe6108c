using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace ThreatCrowd.Batch.Bench.Micro;

/// <summary>
/// Runs the micro-benchmarks inside this process: BenchmarkDotNet 0.14 predates .NET 10 and cannot generate and
/// build a separate project for it, and in-process needs no SDK at run time either.
/// </summary>
internal static class MicroConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessNoEmitToolchain.Instance).AsDefault());
}
