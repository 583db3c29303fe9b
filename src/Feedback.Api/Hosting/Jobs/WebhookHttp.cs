using System.Net;
using System.Net.Sockets;
using Feedback.Core.Webhooks;
using Feedback.Api.Features.Subscriptions;
using Feedback.Api.Features.ProviderEvents;

namespace Feedback.Api.Hosting.Jobs;

/// <summary>
/// The handler of the <c>webhooks</c> HttpClient. Unless private networks are allowed, it resolves the host itself and
/// connects only to public addresses: checking the URL when the subscription is created is not enough, as DNS may
/// answer differently by the time of delivery (rebinding). No proxy, so the address checked is the one connected to.
/// </summary>
public static class WebhookHttp
{
    public static SocketsHttpHandler CreateHandler(bool allowPrivateNetworks)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (!allowPrivateNetworks)
        {
            handler.UseProxy = false;
            handler.ConnectCallback = ConnectToPublicAsync;
        }
        return handler;
    }

    private static async ValueTask<Stream> ConnectToPublicAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(NetworkGuard.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"'{host}' has no public address; webhooks may not reach private networks");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
