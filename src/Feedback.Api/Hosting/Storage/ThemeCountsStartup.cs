using Feedback.Core.Storage;
using Feedback.Core.Themes;

namespace Feedback.Api.Hosting.Storage;

/// <summary>
/// Runs after the storage start-up (hosted services start in order, before the server listens): counts made by another
/// analysis version, or by none (a store that had comments before themes existed), are rebuilt before requests are
/// served. Then the served languages' data is loaded in the background, so the first comments do not wait for it.
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
        _ = Task.Run(Warm, CancellationToken.None);
    }

    private void Warm()
    {
        try
        {
            CommentAnalyzer.Warm();
        }
        catch (Exception e)
        {
            // The first comment in a language whose data failed to load fails the same way, where it is reported.
            LogWarmFailed(e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment term counts rebuilt: {Comments} comments, {Rows} rows (analysis version {Version})")]
    private partial void LogRebuilt(long comments, long rows, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the language data of comment themes failed")]
    private partial void LogWarmFailed(Exception exception);
}
