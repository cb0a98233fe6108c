using Microsoft.AspNetCore.Http;

namespace ThreatCrowd.StandIn;

/// <summary>Answers a report request the way a queued fault says.</summary>
internal static class FaultResponder
{
    public static async Task RespondAsync(HttpContext context, StandInFault fault, byte[] normalAnswer)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        switch (fault.Kind)
        {
            case StandInFaultKind.Status:
            case StandInFaultKind.Body:
                await ResponseWriter.WriteAsync(context, fault.StatusCode, ResponseWriter.ApiContentType, fault.ResponseBody, fault.ReasonPhrase)
                    .ConfigureAwait(false);
                break;
            case StandInFaultKind.Truncated:
                await ResponseWriter.WriteAsync(context, StatusCodes.Status200OK, ResponseWriter.ApiContentType, normalAnswer.AsMemory(0, normalAnswer.Length / 2))
                    .ConfigureAwait(false);
                break;
            case StandInFaultKind.Delay:
                await DelayedAsync(context, fault.DelayBefore, normalAnswer).ConfigureAwait(false);
                break;
            case StandInFaultKind.Reset:
                context.Abort();
                break;
            case StandInFaultKind.SlowBody:
                await SlowBodyAsync(context, fault.DelayBefore, normalAnswer).ConfigureAwait(false);
                break;
            case StandInFaultKind.BadCompression:
                context.Response.Headers.ContentEncoding = fault.ContentEncoding;
                await ResponseWriter.WriteAsync(context, StatusCodes.Status200OK, ResponseWriter.ApiContentType, fault.ResponseBody).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unknown fault kind {fault.Kind}.");
        }
    }

    private static async Task DelayedAsync(HttpContext context, TimeSpan delay, byte[] normalAnswer)
    {
        try
        {
            // Real time on purpose: the delay exists to make a real client's timeout run out.
            await Task.Delay(delay, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up; there is nobody left to answer.
            return;
        }

        await ResponseWriter.WriteAsync(context, StatusCodes.Status200OK, ResponseWriter.ApiContentType, normalAnswer).ConfigureAwait(false);
    }

    private static async Task SlowBodyAsync(HttpContext context, TimeSpan pause, byte[] normalAnswer)
    {
        var half = normalAnswer.Length / 2;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ResponseWriter.ApiContentType;
        context.Response.ContentLength = normalAnswer.Length;
        try
        {
            await context.Response.Body.WriteAsync(normalAnswer.AsMemory(0, half), context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            // Real time on purpose: a client's timeout must cover reading the body, not only the headers.
            await Task.Delay(pause, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.WriteAsync(normalAnswer.AsMemory(half), context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up mid-body.
        }
    }
}
