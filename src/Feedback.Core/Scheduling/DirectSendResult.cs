using Feedback.Core.Surveys;

namespace Feedback.Core.Scheduling;

/// <summary>What a direct send did: one of the nested cases, and no other (the constructor is private).</summary>
public abstract record DirectSendResult
{
    private DirectSendResult()
    {
    }

    /// <summary>The survey is stored and waits for its send time.</summary>
    public sealed record Scheduled(Survey Survey) : DirectSendResult;

    /// <summary>The customer's address is suppressed (bounce, spam report or unsubscribe); nothing was stored.</summary>
    public sealed record Suppressed : DirectSendResult;

    /// <summary>The survey goes by e-mail and the customer has no address; nothing was stored.</summary>
    public sealed record EmailRequired : DirectSendResult;

    /// <summary>A survey of this template for this subject and customer is already scheduled or sent.</summary>
    public sealed record Duplicate : DirectSendResult;

    /// <summary>The template cannot be sent: it does not exist (<see cref="Exists"/> false) or is archived.</summary>
    public sealed record TemplateNotActive(bool Exists) : DirectSendResult;
}
