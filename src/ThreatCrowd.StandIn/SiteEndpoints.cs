using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ThreatCrowd.StandIn;

/// <summary>The rest of the site a client touched: the hourly feeds and the vote form.</summary>
internal sealed class SiteEndpoints(FixtureFiles fixtures)
{
    public async Task FeedAsync(HttpContext context)
    {
        var name = context.GetRouteValue("name") as string;
        var path = string.IsNullOrEmpty(name) ? null : fixtures.Find("feeds", $"{name}.txt");
        if (path is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path, context.RequestAborted).ConfigureAwait(false);
        await AnswerWriter.WriteAsync(context, StatusCodes.Status200OK, "text/plain; charset=UTF-8", bytes).ConfigureAwait(false);
    }

    /// <summary>Only the status of a vote reply ever meant anything.</summary>
    public static Task VoteAsync(HttpContext context) =>
        AnswerWriter.WriteAsync(context, StatusCodes.Status200OK, "text/plain; charset=UTF-8", "Thank you for voting.\n");
}
