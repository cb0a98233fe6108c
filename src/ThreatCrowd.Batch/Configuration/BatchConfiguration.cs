using Microsoft.Extensions.Configuration;

namespace ThreatCrowd.Batch.Configuration;

/// <summary>
/// Builds the settings in layers, each overriding the one before: the defaults in code, config/appsettings.json,
/// the <c>--config</c> file, environment variables prefixed <see cref="EnvironmentPrefix"/> (<c>__</c> between
/// section and key), then <c>--Section:Key=value</c> arguments. Bound strictly: an unknown key is an error, so a
/// typo never silently falls back to a default.
/// </summary>
internal static class BatchConfiguration
{
    public const string EnvironmentPrefix = "TCB_";

    public static BatchOptions Load(string? configFile, IReadOnlyList<string> settingArguments, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        var defaults = DefaultsFile();
        if (defaults is not null)
        {
            builder.AddJsonFile(defaults, optional: false);
        }

        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new ConfigurationError($"--config \"{configFile}\": no such file. Give the path of a JSON settings file.");
            }

            builder.AddJsonFile(full, optional: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        builder.AddCommandLine(settingArguments.ToArray());

        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
        {
            throw new ConfigurationError($"Cannot read the configuration: {ex.Message}{Inner(ex)} Fix the JSON file named.", ex);
        }

        BatchOptions options;
        try
        {
            options = root.Get<BatchOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new BatchOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationError($"Bad configuration: {ex.Message}{Inner(ex)}", ex);
        }

        var errors = OptionsValidator.Validate(options);
        return errors.Count == 0
            ? options
            : throw new ConfigurationError("Bad configuration:" + string.Concat(errors.Select(e => Environment.NewLine + "  - " + e)));
    }

    /// <summary>config/appsettings.json of the current folder (a checkout), else the copy built beside the program.</summary>
    private static string? DefaultsFile()
    {
        foreach (var candidate in new[] { Path.Combine("config", "appsettings.json"), Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json") })
        {
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private static string Inner(Exception ex) => ex.InnerException is { } inner ? " " + inner.Message : string.Empty;
}
