using System.ComponentModel.DataAnnotations;

namespace Feedback.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Feedback:Storage:Sqlite";

    /// <summary>Path of the database file; its directory is created on start.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feedback:Storage:Sqlite:Path is required")]
    public string Path { get; set; } = "data/feedback.db";

    /// <summary>
    /// <c>Full</c> (the default): a commit returns once it is on disk, so a 202 survives a power loss. <c>Normal</c>, never
    /// the default: WAL commits skip the fsync; the database survives a crash of the process, but a power loss or an OS
    /// crash may lose the last commits that were already answered.
    /// </summary>
    [RegularExpression("(?i)^(full|normal)$", ErrorMessage = "Feedback:Storage:Sqlite:Synchronous must be 'Full' or 'Normal'")]
    public string Synchronous { get; set; } = "Full";

    public bool RelaxedSync => Synchronous.Equals("normal", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where <c>POST /v1/admin/backup</c> writes backup files; created when needed.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feedback:Storage:Sqlite:BackupDirectory is required")]
    public string BackupDirectory { get; set; } = "data/backups";
}
