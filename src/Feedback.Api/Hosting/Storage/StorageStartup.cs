using Feedback.Core.Storage;

namespace Feedback.Api.Hosting.Storage;

/// <summary>Initializes the store before the server accepts requests (hosted services start before Kestrel listens).</summary>
public sealed class StorageStartup(IStorageLifecycle lifecycle) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => lifecycle.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
