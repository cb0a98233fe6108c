using Microsoft.AspNetCore.Http;

namespace ThreatCrowd.StandIn;

/// <summary>Answers a report request the way a queued fault says.</summary>
internal static class FaultResponder
{
    public static async Task RespondAsync(HttpContext context, StandInFault fault, byte[] normalAnswer)
    {
        switch (fault.Kind)
        {
            case StandInFaultKind.Status:
            case StandInFaultKind.Body:
                await AnswerWriter.WriteAsync(context, fault.StatusCode, AnswerWriter.ApiContentType, fault.ResponseBody, fault.ReasonPhrase)
                    .ConfigureAwait(false);
                break;
            case StandInFaultKind.Truncated:
                await AnswerWriter.WriteAsync(context, StatusCodes.Status200OK, AnswerWriter.ApiContentType, normalAnswer.AsMemory(0, normalAnswer.Length / 2))
                    .ConfigureAwait(false);
                break;
            case StandInFaultKind.Delay:
                await DelayedAsync(context, fault.DelayBefore, normalAnswer).ConfigureAwait(false);
                break;
            case StandInFaultKind.Reset:
                context.Abort();
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

        await AnswerWriter.WriteAsync(context, StatusCodes.Status200OK, AnswerWriter.ApiContentType, normalAnswer).ConfigureAwait(false);
    }
}
