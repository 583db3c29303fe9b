namespace Feedback.Core.Storage;

/// <summary>What erased personal data is replaced with, the same in every adapter.</summary>
public static class Erasure
{
    /// <summary>
    /// Stands in for an erased e-mail address. The <c>.invalid</c> top-level domain is reserved (RFC 2606), so it can never
    /// reach anyone, and it is the same for every customer, so the row no longer tells whose it was.
    /// </summary>
    public const string Email = "erased@invalid";
}
