namespace Feedback.Api.Tests.Infrastructure;

/// <summary>
/// Two services on the same database, as two replicas behind a load balancer, each with its own clock: for the
/// in-process caches, whose bound is what one replica sees of a change made through the other.
/// </summary>
public abstract class TwoReplicas : IAsyncLifetime
{
    protected FeedbackApiFactory First { get; } = new();
    protected FeedbackApiFactory Second { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Second = new FeedbackApiFactory(First.DataDirectory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
