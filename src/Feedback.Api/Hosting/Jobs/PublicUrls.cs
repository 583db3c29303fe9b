using Feedback.Api.Hosting.OpenApi;
using Feedback.Api.Hosting;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;
using Feedback.Core.Delivery;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Hosting.Jobs;

/// <summary><c>Feedback:PublicBaseUrl</c>, or the first address the server listens on.</summary>
public sealed class PublicUrls(IOptions<FeedbackOptions> options, IServer server) : IPublicUrls
{
    public string BaseUrl => (options.Value.PublicBaseUrl
        ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? "http://localhost:5080").TrimEnd('/');
}
