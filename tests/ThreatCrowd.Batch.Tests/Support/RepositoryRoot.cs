namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>The checkout the tests were built from, found by walking up to the solution file.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ThreatCrowd.Batch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the checkout: ThreatCrowd.Batch.sln not found above " + AppContext.BaseDirectory);
    }
}
