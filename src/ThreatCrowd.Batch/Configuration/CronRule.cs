using Quartz;

namespace ThreatCrowd.Batch.Configuration;

/// <summary>
/// Checks Schedule:Cron. What Quartz refuses is refused with Quartz's own reason. One thing Quartz 4 accepts is
/// refused too: naming days in both day fields (<c>0 0 1 15 * MON</c>). Quartz 3 refused it; Quartz 4 runs it on
/// either day, as crontab does, where it is often read as "Monday the 15th". A <c>*</c> or <c>?</c> in one of the
/// two restricts nothing, so <c>0 0 1 * * MON</c> (every Monday, which Quartz 3 also refused) is accepted.
/// </summary>
internal static class CronRule
{
    private const string Example = "such as 0 0 1 * * ? (01:00 every day) or 0 0 1 ? * MON (01:00 on Mondays)";

    /// <summary>What is wrong with the expression, or null when it is fine.</summary>
    public static string? Problem(string expression)
    {
        try
        {
            _ = new CronExpression(expression);
        }
        catch (FormatException ex)
        {
            return $"Schedule:Cron is \"{expression}\": Quartz refuses it ({ex.Message.TrimEnd('.')}); it must be a Quartz cron expression with seconds first, {Example}.";
        }

        var fields = expression.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length >= 6 && NamesDays(fields[3]) && NamesDays(fields[5]))
        {
            return $"Schedule:Cron is \"{expression}\": it names days both of the month ({fields[3]}) and of the week ({fields[5]}), which runs on either " +
                   $"rather than on days that are both; put ? in one of the two ({string.Join(' ', fields[..3])} {fields[3]} {fields[4]} ? or {string.Join(' ', fields[..3])} ? {fields[4]} {fields[5]}).";
        }

        return null;
    }

    private static bool NamesDays(string field) => field is not ("*" or "?");
}
