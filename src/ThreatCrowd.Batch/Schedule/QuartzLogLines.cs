using Microsoft.Extensions.Logging;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// Where Quartz's own warnings and errors go: into the schedule's log (<see cref="IScheduledWork.Log"/>), as lines
/// that begin "quartz:". Without it a job store that lost its database, a cluster check-in that failed or a job that
/// threw would be logged by Quartz to nowhere. Its information and debugging lines are left out: the schedule's own
/// lines say what a host is doing.
/// </summary>
/// <remarks>
/// A provider of the scheduler's own container, not Quartz's process-wide one (<c>LogProvider.SetLogProvider</c>):
/// tests run several schedulers in one process, each with its own log.
/// </remarks>
internal sealed class QuartzLogLines(IScheduledWork work) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Lines(work);

    public void Dispose()
    {
    }

    private sealed class Lines(IScheduledWork work) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel is >= LogLevel.Warning and < LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            work.Log(exception is null ? $"quartz: {message}" : $"quartz: {message} ({exception.GetType().Name}: {exception.Message})");
        }
    }
}
