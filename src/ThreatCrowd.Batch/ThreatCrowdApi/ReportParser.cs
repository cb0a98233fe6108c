using System.Text.Json;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// Turns a response body into a result. Only a readable JSON object with a known response_code is an answer;
/// every other body the live service was seen to send (empty, overload notices, HTML, half a document) is a
/// transient failure with a reason, and no body makes this throw.
/// </summary>
internal static class ReportParser
{
    private static readonly JsonDocumentOptions Tolerant = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <param name="maxRelations">Related items kept at most (Lookup:MaxRelationsPerAnswer); the rest are counted.</param>
    public static LookupResult Parse(IndicatorType type, string body, int maxRelations = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(body))
        {
            return LookupResult.TransientFailure("empty body");
        }

        using var document = TryParse(body, out var parseError);
        if (document is { RootElement.ValueKind: JsonValueKind.Object })
        {
            return ReadReport(type, document.RootElement, body, maxRelations);
        }

        // Checked only now so that a real answer that happens to mention the phrase is still an answer.
        if (body.Contains("Too many connections", StringComparison.OrdinalIgnoreCase))
        {
            return LookupResult.TransientFailure("server overloaded: Too many connections");
        }

        if (body.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal))
        {
            return LookupResult.TransientFailure(HtmlPages.Describe(body), unreachable: true);
        }

        return parseError is not null
            ? LookupResult.TransientFailure($"malformed JSON: {parseError}")
            : LookupResult.TransientFailure($"unexpected JSON shape: {Describe(document!.RootElement.ValueKind)} instead of an object");
    }

    private static LookupResult ReadReport(IndicatorType type, JsonElement report, string body, int maxRelations)
    {
        if (!ReportFields.TryGet(report, "response_code", out var code) || code.ValueKind == JsonValueKind.Null)
        {
            return LookupResult.TransientFailure("no response_code");
        }

        var value = code.ValueKind == JsonValueKind.String ? ReportFields.AsString(code)?.Trim() : code.GetRawText();
        switch (value)
        {
            case "1":
                var (relations, cut) = ReportRelations.Read(type, report, maxRelations);
                return LookupResult.Answered(new LookupAnswer(
                    Found: true,
                    Votes: ReportFields.Votes(report),
                    Permalink: AnswerValueCleaner.Clean(ReportFields.String(report, "permalink"), keepCase: true),
                    Md5: AnswerValueCleaner.Clean(ReportFields.String(report, "md5"), keepCase: false),
                    Sha1: AnswerValueCleaner.Clean(ReportFields.String(report, "sha1"), keepCase: false),
                    Relations: relations,
                    RawBody: body) { RelationsCut = cut });
            case "0":
                // Not found is a real, cacheable result.
                return LookupResult.Answered(new LookupAnswer(false, null, null, null, null, [], body));
            default:
                return LookupResult.TransientFailure($"unexpected response_code {Shorten(code.GetRawText())}");
        }
    }

    private static JsonDocument? TryParse(string body, out string? error)
    {
        try
        {
            error = null;
            return JsonDocument.Parse(body, Tolerant);
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
