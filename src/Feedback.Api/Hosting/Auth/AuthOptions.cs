namespace Feedback.Api.Hosting.Auth;

/// <summary>Section <c>Feedback:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Feedback:Auth";

    /// <summary>Bootstrap admin key; when absent and no admin key exists, one is generated and logged once.</summary>
    public string? AdminKey { get; set; }
}
