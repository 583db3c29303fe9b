using System.ComponentModel.DataAnnotations;

namespace Feedback.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Feedback:Storage:Sqlite";

    /// <summary>Path of the database file; its directory is created on start.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feedback:Storage:Sqlite:Path is required")]
    public string Path { get; set; } = "data/feedback.db";

    /// <summary>Where <c>POST /v1/admin/backup</c> writes backup files; created when needed.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feedback:Storage:Sqlite:BackupDirectory is required")]
    public string BackupDirectory { get; set; } = "data/backups";
}
