namespace Feedback.Storage.Sqlite;

/// <summary>
/// Forward-only migrations; <c>PRAGMA user_version</c> holds how many have run. Append new steps,
/// never edit a shipped one.
/// </summary>
internal static class SqliteSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE templates (
            id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            status TEXT NOT NULL,
            trigger_type TEXT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX ix_templates_trigger ON templates (trigger_type, status);
        CREATE TABLE template_versions (
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (id, version)
        );
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            scopes TEXT NOT NULL,
            secret_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            revoked_at TEXT NULL
        );
        """,
    ];
}
