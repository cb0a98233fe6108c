using System.Runtime.InteropServices;

namespace ThreatCrowd.Batch.Cli;

/// <summary>
/// Turns the first SIGINT or SIGTERM into a cancellation the run honours (store what was answered, write the
/// tables, exit <see cref="ExitCodes.Interrupted"/>); a second one ends the process at once, which is still safe
/// because every answer is committed as it arrives.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _error;

    public ShutdownSignals(TextWriter error)
    {
        _error = error;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _cts.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cts.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (_cts.IsCancellationRequested)
        {
            _error.WriteLine("stopping now; every stored answer is kept. Continue later with 'resume'.");
            Environment.Exit(ExitCodes.Interrupted);
        }

        _error.WriteLine($"{context.Signal}: stopping after the current answer is stored; the tables are written next. Signal again to stop at once.");
        _cts.Cancel();
    }
}
