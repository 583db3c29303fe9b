namespace Feedback.Core.Delivery;

/// <summary>Absolute links to the customer pages, from <c>Feedback:PublicBaseUrl</c> (or the listening URL).</summary>
public interface IPublicUrls
{
    /// <summary>Base URL without a trailing slash, e.g. <c>https://feedback.example.com</c>.</summary>
    string BaseUrl { get; }
}
