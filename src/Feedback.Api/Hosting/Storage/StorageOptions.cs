using System.ComponentModel.DataAnnotations;

namespace Feedback.Api.Hosting.Storage;

/// <summary>Which storage adapter serves the ports (section <c>Feedback:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Feedback:Storage";

    [RegularExpression("^(sqlite|mongodb)$", ErrorMessage = "Feedback:Storage:Provider must be 'sqlite' or 'mongodb'")]
    public string Provider { get; set; } = "sqlite";
}
