namespace Feedback.Api.Tests.Infrastructure;

/// <summary>
/// One running service for every test of a class (<c>IClassFixture&lt;SharedFeedbackApi&gt;</c>): for tables of requests
/// whose outcome does not depend on what other tests stored. xunit cannot build <see cref="FeedbackApiFactory"/> itself
/// as a fixture because of its optional constructor arguments.
/// </summary>
public sealed class SharedFeedbackApi : IAsyncDisposable
{
    public FeedbackApiFactory Factory { get; } = new();

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
