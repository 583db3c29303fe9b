using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>
/// Every log entry written through each of the host's own console formatters (json, simple, systemd) with the host's
/// scopes, so a test reads what an operator's console would show, scopes included, not just the message.
/// </summary>
public sealed class FormattedLogs(IEnumerable<ConsoleFormatter> formatters) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter[] _formatters = formatters.ToArray();
    private readonly ConcurrentQueue<string> _output = new();
    private IExternalScopeProvider? _scopes;

    /// <summary>The formatters' output, one item per entry and formatter.</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    /// <summary>The names of the formatters that wrote <see cref="Output"/>.</summary>
    public IEnumerable<string> FormatterNames => _formatters.Select(f => f.Name);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(FormattedLogs logs, string category) : ILogger
    {
        // The factory pushes scopes onto the shared provider itself (ISupportExternalScope).
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
            foreach (var console in logs._formatters)
            {
                using var text = new StringWriter();
                console.Write(in entry, logs._scopes, text);
                logs._output.Enqueue(text.ToString());
            }
        }
    }
}
