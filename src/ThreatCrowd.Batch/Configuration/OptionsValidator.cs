using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Configuration;

/// <summary>Checks the settings once, at start, and reports every problem together, each naming its key.</summary>
internal static class OptionsValidator
{
    public static IReadOnlyList<string> Validate(BatchOptions options)
    {
        var errors = new List<string>();
        var api = options.ThreatCrowd;
        CheckHttpUrl(errors, "ThreatCrowd:BaseUrl", api.BaseUrl);
        RefuseCredentials(errors, "ThreatCrowd:BaseUrl", api.BaseUrl);
        CheckHttpUrl(errors, "ThreatCrowd:VoteUrl", api.VoteUrl);
        RefuseCredentials(errors, "ThreatCrowd:VoteUrl", api.VoteUrl);
        if (api.RequestInterval <= TimeSpan.Zero)
        {
            errors.Add($"ThreatCrowd:RequestInterval is {api.RequestInterval}; it must be a positive time span such as 00:00:10.");
        }

        if (api.Timeout <= TimeSpan.Zero || api.Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"ThreatCrowd:Timeout is {api.Timeout}; it must be between 00:00:00.001 and 00:10:00.");
        }

        if (api.MaxPause < TimeSpan.FromSeconds(1) || api.MaxPause > TimeSpan.FromDays(7))
        {
            errors.Add($"ThreatCrowd:MaxPause is {api.MaxPause}; it must be between 00:00:01 and 7.00:00:00, such as 01:00:00.");
        }

        CheckRange(errors, "ThreatCrowd:MaxAttempts", api.MaxAttempts, 1, 20);
        CheckRange(errors, "ThreatCrowd:UnreachableAfter", api.UnreachableAfter, 1, 1000);
        if (!string.IsNullOrWhiteSpace(api.Proxy))
        {
            CheckHttpUrl(errors, "ThreatCrowd:Proxy", api.Proxy);
        }

        for (var i = 0; i < options.Sources.CsvFiles.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Sources.CsvFiles[i]))
            {
                errors.Add($"Sources:CsvFiles:{i} is empty; give a path or a glob such as exports/*.csv.");
            }
        }

        for (var i = 0; i < options.Sources.Feeds.Length; i++)
        {
            var feed = options.Sources.Feeds[i];
            if (string.IsNullOrWhiteSpace(feed.Url))
            {
                errors.Add($"Sources:Feeds:{i}:Url is empty; give an http(s) URL or a local path.");
            }

            RefuseCredentials(errors, $"Sources:Feeds:{i}:Url", feed.Url);

            if (!IndicatorTypeNames.TryParse(feed.Type, out _))
            {
                errors.Add($"Sources:Feeds:{i}:Type is \"{feed.Type}\"; it must be one of domain, ip, email, file, antivirus.");
            }
        }

        errors.AddRange(FileReadValidator.Validate(options.Sources.Files));
        if (options.Lookup.RefreshAfter < TimeSpan.Zero)
        {
            errors.Add($"Lookup:RefreshAfter is {options.Lookup.RefreshAfter}; it must be 0 (ask again every run) or a positive time span such as 7.00:00:00.");
        }

        if (options.Lookup.MaxPerRun < 0)
        {
            errors.Add($"Lookup:MaxPerRun is {options.Lookup.MaxPerRun}; it must be 0 (no limit) or more.");
        }

        CheckRange(errors, "Lookup:PivotDepth", options.Lookup.PivotDepth, 0, 5);
        CheckRange(errors, "Lookup:PivotBudget", options.Lookup.PivotBudget, 0, 1_000_000);
        CheckRange(errors, "Lookup:MaxRelationsPerAnswer", options.Lookup.MaxRelationsPerAnswer, 1, 1_000_000);
        if (options.Lookup.PivotFrom is not (PivotSources.Malicious or PivotSources.All))
        {
            errors.Add($"Lookup:PivotFrom is \"{options.Lookup.PivotFrom}\"; it must be {PivotSources.Malicious} or {PivotSources.All}.");
        }

        errors.AddRange(SendGuard.Validate(options.Lookup.Exclude));
        if (!string.IsNullOrWhiteSpace(options.Lookup.StopAt) && !TimeOfDay.TryParse(options.Lookup.StopAt, out _))
        {
            errors.Add($"Lookup:StopAt is \"{options.Lookup.StopAt}\"; it must be a time of day such as 06:00, or empty for no window.");
        }

        for (var i = 0; i < options.Sources.Priorities.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Sources.Priorities[i].Source))
            {
                errors.Add($"Sources:Priorities:{i}:Source is empty; give a CSV path or glob, or feed:<url> (feed:* for every feed).");
            }
        }

        if (CronRule.Problem(options.Schedule.Cron) is { } cron)
        {
            errors.Add(cron);
        }

        if (options.Schedule.ClusterCheckinInterval < TimeSpan.FromSeconds(1) || options.Schedule.ClusterCheckinInterval > TimeSpan.FromMinutes(10))
        {
            errors.Add($"Schedule:ClusterCheckinInterval is {options.Schedule.ClusterCheckinInterval}; it must be between 00:00:01 and 00:10:00 (a shorter one notices a dead host sooner and asks more of the database).");
        }

        if (!ScheduleTimeZone.TryFind(options.Schedule.TimeZone, out _))
        {
            errors.Add($"Schedule:TimeZone is \"{options.Schedule.TimeZone}\"; it must be a time zone id such as UTC or Europe/Berlin.");
        }

        errors.AddRange(StoreValidator.Validate(options.Store));

        errors.AddRange(OutputValidator.Validate(options.Output));
        return errors;
    }

    private static void CheckHttpUrl(List<string> errors, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            // A proxy URL may carry a password, and a mistyped one is still a secret: it is quoted blanked.
            errors.Add($"{key} is \"{UrlCredentials.Redact(value)}\"; it must be an absolute http:// or https:// URL.");
        }
    }

    /// <summary>
    /// Credentials in a service or feed URL would be printed, stored as the source's name and written into every
    /// table and the Splunk app; the service needs none, so such a URL is refused rather than quietly cut.
    /// </summary>
    private static void RefuseCredentials(List<string> errors, string key, string? value)
    {
        if (UrlCredentials.Present(value))
        {
            errors.Add(
                $"{key} is \"{UrlCredentials.Redact(value)}\": it carries a user name or password, which would be written into the "
                + "tables, the Splunk app and the logs. Remove them; for a feed that needs a login, download it yourself and give its local path.");
        }
    }

    private static void CheckRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} is {value}; it must be between {min} and {max}.");
        }
    }
}
