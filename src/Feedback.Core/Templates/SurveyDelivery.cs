namespace Feedback.Core.Templates;

/// <summary>
/// How a survey reaches the customer: <see cref="Email"/> through the outbox, or <see cref="Link"/>, where no e-mail is
/// sent and the caller shows the answer link itself (on a site, in a chat, by SMS). A link survey is sent the moment it
/// is made, so the outbox never holds one, and it is never reminded; it expires like any other.
/// </summary>
public enum SurveyDelivery { Email, Link }
