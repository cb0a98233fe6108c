using System.Net;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// ThreatCrowd:Proxy as the handler needs it. A corporate proxy may want a login, given in the URL
/// (<c>http://user:secret@proxy:3128</c>): it is taken out of the address and sent as the proxy's credentials, so the
/// address that error messages quote never holds it.
/// </summary>
internal static class ProxySetting
{
    public static WebProxy Create(string proxy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(proxy);
        var uri = new Uri(proxy.Trim(), UriKind.Absolute);
        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return new WebProxy(uri);
        }

        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? uri.UserInfo : uri.UserInfo[..colon];
        var password = colon < 0 ? string.Empty : uri.UserInfo[(colon + 1)..];
        var address = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
        return new WebProxy(address)
        {
            Credentials = new NetworkCredential(Uri.UnescapeDataString(user), Uri.UnescapeDataString(password)),
        };
    }
}
