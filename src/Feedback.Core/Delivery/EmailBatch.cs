namespace Feedback.Core.Delivery;

/// <summary>
/// The e-mails of one template and locale, sent as one request: a shared HTML and text body holding substitution tags
/// (<see cref="SubstitutionTags"/>) and, per recipient, the values of those tags, a subject and headers.
/// </summary>
public sealed record EmailBatch(
    string TemplateId,
    string Locale,
    string Html,
    string Text,
    IReadOnlyList<EmailRecipient> Recipients);

/// <summary>One recipient of a batch; <see cref="SurveyId"/> travels as the <c>survey_id</c> custom argument.</summary>
public sealed record EmailRecipient(
    string SurveyId,
    string Email,
    string? Name,
    string Subject,
    IReadOnlyDictionary<string, string> Substitutions,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The body with this recipient's substitutions applied (what the recipient reads).</summary>
    public string Personalize(string body) =>
        Substitutions.Aggregate(body, (text, tag) => text.Replace(tag.Key, tag.Value, StringComparison.Ordinal));
}

/// <summary>Tags in a batch body that are replaced per recipient (SendGrid substitutions).</summary>
public static class SubstitutionTags
{
    public const string Token = "%fb_token%";
    public const string QuestionHtml = "%fb_question_html%";
    public const string QuestionText = "%fb_question_text%";
    public const string SubjectHtml = "%fb_subject_html%";
}
