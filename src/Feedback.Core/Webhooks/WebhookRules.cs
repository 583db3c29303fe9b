using System.Net;
using Feedback.Core.Common;

namespace Feedback.Core.Webhooks;

/// <summary>The rules of a new subscription, each broken rule reported on its field.</summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2000;
    public const int MaxScore = 10;

    /// <summary>
    /// Checks the fields; returns the subscription (with a new id and secret) when all are valid. Without
    /// <paramref name="allowPrivateNetworks"/> a URL whose host is <c>localhost</c> or a non-public IP literal is refused;
    /// host names are checked again when the delivery connects (after DNS), where rebinding cannot slip past.
    /// </summary>
    public static WebhookSubscription? Create(
        string? url, IReadOnlyList<string?>? events, int? minScore, int? maxScore, bool allowPrivateNetworks,
        TimeProvider time, ValidationErrors errors)
    {
        CheckUrl(url, allowPrivateNetworks, errors);
        if (events is null || events.Count == 0)
        {
            errors.Add("events", $"must list at least one of {string.Join(", ", WebhookEvents.All)}");
        }
        else
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i] is not { } e || !WebhookEvents.All.Contains(e))
                {
                    errors.Add($"events[{i}]", $"must be one of {string.Join(", ", WebhookEvents.All)}");
                }
            }
        }
        if (minScore is < 0 or > MaxScore)
        {
            errors.Add("minScore", $"must be between 0 and {MaxScore}");
        }
        if (maxScore is < 0 or > MaxScore)
        {
            errors.Add("maxScore", $"must be between 0 and {MaxScore}");
        }
        else if (minScore is >= 0 and <= MaxScore && maxScore < minScore)
        {
            errors.Add("maxScore", "must not be below minScore");
        }
        if (!errors.IsValid)
        {
            return null;
        }
        return new WebhookSubscription
        {
            Id = Ids.New("whk", time),
            Url = url!,
            Events = events!.Distinct().Select(e => e!).ToList(),
            MinScore = minScore,
            MaxScore = maxScore,
            Secret = WebhookSignature.NewSecret(),
            CreatedAt = time.GetUtcNow(),
        };
    }

    private static void CheckUrl(string? url, bool allowPrivateNetworks, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add("url", "is required");
        }
        else if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add("url", $"must be an absolute http or https URL without credentials, at most {MaxUrlLength} characters");
        }
        else if (!allowPrivateNetworks && !IsPublicHost(uri))
        {
            errors.Add("url", "must not point to a private, loopback, link-local or unspecified address");
        }
    }

    private static bool IsPublicHost(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? NetworkGuard.IsPublic(IPAddress.Parse(uri.IdnHost.Trim('[', ']')))
            : !(uri.IsLoopback || uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase));
}
