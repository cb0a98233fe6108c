using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ThreatCrowd.StandIn;

/// <summary>The rest of the site a client touched: the hourly feeds and the vote form.</summary>
internal sealed class SiteEndpoints(FixtureFiles fixtures, StandInFaults faults)
{
    private static readonly byte[] VoteThanks = Encoding.UTF8.GetBytes("Thank you for voting.\n");

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
        await ResponseWriter.WriteAsync(context, StatusCodes.Status200OK, "text/plain; charset=UTF-8", bytes).ConfigureAwait(false);
    }

    /// <summary>Only the status of a vote reply ever meant anything; a queued fault applies to votes as to reports.</summary>
    public async Task VoteAsync(HttpContext context)
    {
        if (faults.TryTake(out var fault))
        {
            await FaultResponder.RespondAsync(context, fault, VoteThanks).ConfigureAwait(false);
            return;
        }

        await ResponseWriter.WriteAsync(context, StatusCodes.Status200OK, "text/plain; charset=UTF-8", VoteThanks).ConfigureAwait(false);
    }
}
