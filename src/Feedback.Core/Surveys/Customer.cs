namespace Feedback.Core.Surveys;

/// <summary>
/// The person a survey goes to. <see cref="Email"/> is null only for a link survey's customer; <see cref="TimeZone"/> is
/// an IANA id (UTC when null).
/// </summary>
public sealed record Customer(string Id, string? Email, string? Name = null, string? Locale = null, string? TimeZone = null);
