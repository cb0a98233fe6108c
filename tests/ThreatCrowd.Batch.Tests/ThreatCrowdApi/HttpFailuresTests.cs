using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using ThreatCrowd.Batch.ThreatCrowdApi;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>Transport errors that loopback cannot produce, named from the exceptions the handler throws for them.</summary>
public sealed class HttpFailuresTests
{
    private static readonly Uri Live = new("https://www.threatcrowd.org/searchApi/v2/domain/report/?domain=aoldaily.com");

    [Fact]
    public void A_name_that_does_not_resolve_names_the_host()
    {
        var exception = new HttpRequestException(
            HttpRequestError.NameResolutionError, "Name or service not known (www.threatcrowd.org:443)", new SocketException((int)SocketError.HostNotFound));

        HttpFailures.FromException(exception, Live)
            .ShouldBe(LookupResult.TransientFailure("cannot resolve host www.threatcrowd.org", unreachable: true));
    }

    [Fact]
    public void A_rejected_certificate_is_a_failed_tls_handshake_with_the_platform_s_reason()
    {
        var exception = new HttpRequestException(
            HttpRequestError.SecureConnectionError,
            "The SSL connection could not be established, see inner exception.",
            new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"));

        HttpFailures.FromException(exception, Live).ShouldBe(LookupResult.TransientFailure(
            "TLS handshake failed: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot",
            unreachable: true));
    }

    [Fact]
    public void A_connection_reset_by_the_peer_names_the_endpoint()
    {
        var exception = new HttpRequestException(
            HttpRequestError.Unknown, "Error while copying content", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

        HttpFailures.FromException(exception, Live)
            .ShouldBe(LookupResult.TransientFailure("connection reset by www.threatcrowd.org:443", unreachable: true));
    }

    [Fact]
    public void A_body_over_the_buffer_limit_is_too_large_rather_than_unreachable()
    {
        var exception = new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "Cannot write more bytes to the buffer.");

        HttpFailures.FromException(exception, Live).ShouldBe(LookupResult.TransientFailure("answer larger than 16 MB"));
    }

    [Fact]
    public void A_redirect_that_was_not_followed_says_where_it_pointed()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Found) { ReasonPhrase = "Found" };
        response.Headers.Location = new Uri("https://ci-www.threatcrowd.org/searchApi/v2/domain/report/?domain=aoldaily.com");

        HttpFailures.FromStatus(response).ShouldBe(LookupResult.PermanentFailure(
            "HTTP 302 Found (redirect to https://ci-www.threatcrowd.org/searchApi/v2/domain/report/?domain=aoldaily.com not followed)"));
    }

    [Fact]
    public void A_success_status_is_no_failure()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);

        HttpFailures.FromStatus(response).ShouldBeNull();
    }
}
