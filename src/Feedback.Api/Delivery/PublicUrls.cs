using Feedback.Api.Operations;
using Feedback.Core.Delivery;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Delivery;

/// <summary><c>Feedback:PublicBaseUrl</c>, or the first address the server listens on.</summary>
public sealed class PublicUrls(IOptions<FeedbackOptions> options, IServer server) : IPublicUrls
{
    public string BaseUrl => (options.Value.PublicBaseUrl
        ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? "http://localhost:5080").TrimEnd('/');
}
