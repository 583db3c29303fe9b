using Feedback.Core.Storage;
using Feedback.Core.Themes;

namespace Feedback.Api.Hosting.Storage;

/// <summary>
/// Runs after the storage start-up (hosted services start in order, before the server listens): counts made by another
/// analysis version, or by none (a store that had comments before themes existed), are rebuilt before requests are
/// served. A language's data is loaded by the first comment in it, not here: loading every language in the background
/// took seconds of CPU at start, which on a busy machine delayed the host's first dispatch and its graceful stop.
/// </summary>
public sealed partial class ThemeCountsStartup(IServiceProvider services, ILogger<ThemeCountsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Optional: an adapter without term counts still starts.
        if (services.GetService<ICommentTermStore>() is { } terms && await terms.VersionAsync(cancellationToken) != CommentAnalyzer.Version)
        {
            var rebuild = await terms.RebuildAsync(cancellationToken);
            LogRebuilt(rebuild.Comments, rebuild.Rows, CommentAnalyzer.Version);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment term counts rebuilt: {Comments} comments, {Rows} rows (analysis version {Version})")]
    private partial void LogRebuilt(long comments, long rows, int version);
}
