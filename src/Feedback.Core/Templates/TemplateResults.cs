using Feedback.Core.Common;

namespace Feedback.Core.Templates;

/// <summary>What creating a template did: one of the nested cases, and no other.</summary>
public abstract record CreateTemplateResult
{
    private CreateTemplateResult()
    {
    }

    /// <summary>Version 1 is stored.</summary>
    public sealed record Created(SurveyTemplate Template) : CreateTemplateResult;

    /// <summary>The description breaks a rule; nothing was stored.</summary>
    public sealed record Invalid(ValidationErrors Errors) : CreateTemplateResult;
}

/// <summary>What replacing a template did: one of the nested cases, and no other.</summary>
public abstract record ReplaceTemplateResult
{
    private ReplaceTemplateResult()
    {
    }

    /// <summary>The new version is stored and current.</summary>
    public sealed record Replaced(SurveyTemplate Template) : ReplaceTemplateResult;

    public sealed record NotFound : ReplaceTemplateResult;

    /// <summary>The caller's precondition does not accept the current version, whose ETag is <see cref="CurrentETag"/>.</summary>
    public sealed record PreconditionFailed(string CurrentETag) : ReplaceTemplateResult;

    /// <summary>An archived template is never changed.</summary>
    public sealed record TemplateArchived : ReplaceTemplateResult;

    /// <summary>The new description breaks a rule; nothing was stored.</summary>
    public sealed record Invalid(ValidationErrors Errors) : ReplaceTemplateResult;

    /// <summary>Another request stored a version between the read and the write; nothing was stored.</summary>
    public sealed record ChangedConcurrently : ReplaceTemplateResult;
}

/// <summary>What archiving a template did: one of the nested cases, and no other.</summary>
public abstract record ArchiveTemplateResult
{
    private ArchiveTemplateResult()
    {
    }

    /// <summary>The template is archived (now or before) and none of its surveys is pending any more.</summary>
    public sealed record Archived : ArchiveTemplateResult;

    public sealed record NotFound : ArchiveTemplateResult;

    /// <summary>The caller's precondition does not accept the current version, whose ETag is <see cref="CurrentETag"/>.</summary>
    public sealed record PreconditionFailed(string CurrentETag) : ArchiveTemplateResult;

    /// <summary>Another request stored a version between the read and the write; nothing changed.</summary>
    public sealed record ChangedConcurrently : ArchiveTemplateResult;
}
