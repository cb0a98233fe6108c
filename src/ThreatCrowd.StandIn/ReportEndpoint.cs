using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ThreatCrowd.StandIn;

/// <summary>
/// <c>GET /searchApi/v2/{type}/report/</c>: the fixture <c>{type}_{value}.json</c> byte for byte, or the not-found
/// answer, unless a queued fault says otherwise.
/// </summary>
internal sealed class ReportEndpoint(FixtureFiles fixtures, StandInFaults faults)
{
    private static readonly byte[] NotFound = Encoding.UTF8.GetBytes("{\"response_code\":\"0\"}");

    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["email"] = "email",
        ["domain"] = "domain",
        ["ip"] = "ip",
        ["antivirus"] = "antivirus",
        ["file"] = "resource",
    };

    public async Task HandleAsync(HttpContext context)
    {
        var type = (context.GetRouteValue("type") as string)?.ToLowerInvariant();
        if (type is null || !Parameters.TryGetValue(type, out var parameter))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var answer = await AnswerAsync(type, context.Request.Query[parameter], context.RequestAborted).ConfigureAwait(false);
        if (faults.TryTake(out var fault))
        {
            await FaultResponder.RespondAsync(context, fault, answer).ConfigureAwait(false);
            return;
        }

        await ResponseWriter.WriteAsync(context, StatusCodes.Status200OK, ResponseWriter.ApiContentType, answer).ConfigureAwait(false);
    }

    private async Task<byte[]> AnswerAsync(string type, IEnumerable<string?> values, CancellationToken ct)
    {
        // PHP keeps the last of repeated parameters.
        var value = values.LastOrDefault();
        if (string.IsNullOrEmpty(value))
        {
            return NotFound;
        }

        var path = fixtures.Find(folder: null, $"{type}_{value.ToLowerInvariant()}.json");
        return path is null ? NotFound : await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
    }
}
