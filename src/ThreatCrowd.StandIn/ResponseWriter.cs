using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ThreatCrowd.StandIn;

/// <summary>Writes complete answers with an exact length, as the PHP behind nginx did.</summary>
internal static class ResponseWriter
{
    /// <summary>The live API labelled its JSON this way; clients had to ignore it.</summary>
    public const string ApiContentType = "text/html; charset=UTF-8";

    public static Task WriteAsync(HttpContext context, int status, string contentType, string body, string? reasonPhrase = null) =>
        WriteAsync(context, status, contentType, Encoding.UTF8.GetBytes(body), reasonPhrase);

    public static async Task WriteAsync(
        HttpContext context, int status, string contentType, ReadOnlyMemory<byte> body, string? reasonPhrase = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (reasonPhrase is not null && context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = reasonPhrase;
        }

        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
