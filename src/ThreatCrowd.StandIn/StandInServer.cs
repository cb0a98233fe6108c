using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ThreatCrowd.StandIn;

/// <summary>
/// A local server that speaks the ThreatCrowd Search API v2 from fixture files, with injectable faults. The live
/// service is gone, so every run and test that needs one talks to this instead.
/// </summary>
public sealed class StandInServer : IAsyncDisposable
{
    // Requests held back by a Delay fault must not keep a test or a run waiting at shutdown.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly RequestLog _log;

    private StandInServer(WebApplication app, Uri root, RequestLog log, StandInFaults faults)
    {
        _app = app;
        Root = root;
        _log = log;
        Faults = faults;
    }

    /// <summary>The address the server listens on, with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; }

    /// <summary>The base URL a client is configured with: <see cref="Root"/> plus <c>searchApi/v2/</c>.</summary>
    public Uri ApiBaseUrl => new(Root, "searchApi/v2/");

    /// <summary>A snapshot of every request received so far, faulted ones included.</summary>
    public IReadOnlyList<StandInRequest> Requests => _log.Snapshot();

    public StandInFaults Faults { get; }

    public static async Task<StandInServer> StartAsync(StandInOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FixtureDirectory);
        var log = new RequestLog();
        var faults = new StandInFaults();
        var app = Build(options, log, faults);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
                .Addresses.First();
            return new StandInServer(app, new Uri(address.TrimEnd('/') + "/"), log, faults);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplication Build(StandInOptions options, RequestLog log, StandInFaults faults)
    {
        // The empty builder reads no configuration files and starts no file watchers, which keeps startup fast.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().UseUrls(options.Url);
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        var app = builder.Build();

        var fixtures = new FixtureFiles(options.FixtureDirectory);
        var reports = new ReportEndpoint(fixtures, faults);
        var site = new SiteEndpoints(fixtures, faults);
        var limiter = new StrictLimiter(options.StrictInterval, options.ArrivalLogPath);
        app.Use((context, next) =>
        {
            var request = context.Request;
            var at = options.Clock.GetUtcNow();
            var path = (request.PathBase + request.Path).ToString();
            var wait = IsLimited(path) ? limiter.Arrive(at, path) : null;
            log.Add(new StandInRequest(at, path, request.QueryString.Value ?? "")
            {
                UserAgent = request.Headers.UserAgent.ToString(),
                TooEarly = wait is not null,
            });
            if (wait is { } tooSoon)
            {
                context.Response.Headers.RetryAfter = StrictLimiter.RetryAfterSeconds(tooSoon);
                return ResponseWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, "text/plain; charset=UTF-8", "Too Many Requests\n");
            }

            return next(context);
        });
        app.UseRouting();
        app.MapGet("/searchApi/v2/{type}/report/", reports.HandleAsync);
        app.MapGet("/feeds/{name}.txt", site.FeedAsync);
        app.MapGet("/vote.php", site.VoteAsync);
        return app;
    }

    /// <summary>What the live service rate-limited: the API and the vote form, not the hourly feed files.</summary>
    private static bool IsLimited(string path) =>
        path.StartsWith("/searchApi/", StringComparison.Ordinal) || path.Equals("/vote.php", StringComparison.Ordinal);
}
