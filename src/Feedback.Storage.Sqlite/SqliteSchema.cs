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
        """
        CREATE TABLE surveys (
            id TEXT PRIMARY KEY,
            template_id TEXT NOT NULL,
            template_version INTEGER NOT NULL,
            kind TEXT NOT NULL,
            event_id TEXT NULL,
            subject_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            email TEXT NOT NULL,
            status TEXT NOT NULL,
            send_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            token TEXT NOT NULL UNIQUE,
            attempts INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT NULL,
            lease_until TEXT NULL,
            sent_at TEXT NULL,
            reminder_at TEXT NULL,
            reminder_sent_at TEXT NULL,
            expires_at TEXT NULL,
            delivered_at TEXT NULL,
            opened_at TEXT NULL,
            answered_at TEXT NULL,
            cancelled_at TEXT NULL,
            failure_reason TEXT NULL,
            dedupe_key TEXT NULL UNIQUE,
            body TEXT NOT NULL
        );
        CREATE INDEX ix_surveys_due ON surveys (status, send_at);
        CREATE INDEX ix_surveys_lease ON surveys (status, lease_until);
        CREATE INDEX ix_surveys_reminder ON surveys (status, reminder_at);
        CREATE INDEX ix_surveys_expiry ON surveys (status, expires_at);
        CREATE INDEX ix_surveys_quiet ON surveys (customer_id, template_id, send_at);
        CREATE INDEX ix_surveys_subject ON surveys (subject_id, status);
        CREATE INDEX ix_surveys_template ON surveys (template_id, status);
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            received_at TEXT NOT NULL,
            outcome TEXT NOT NULL
        );
        CREATE INDEX ix_events_received ON events (received_at);
        CREATE TABLE suppressions (
            email TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            source TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """,
        """
        CREATE TABLE responses (
            id TEXT PRIMARY KEY,
            survey_id TEXT NULL,
            template_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            score INTEGER NOT NULL,
            comment TEXT NULL,
            has_comment INTEGER NOT NULL,
            locale TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            properties TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX ix_responses_template ON responses (template_id, answered_at);
        CREATE INDEX ix_responses_updated ON responses (updated_at);
        CREATE INDEX ix_responses_customer ON responses (customer_id);
        """,
        """
        CREATE TABLE score_rollups (
            template_id TEXT NOT NULL,
            dimension TEXT NOT NULL,
            value TEXT NOT NULL,
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            h0 INTEGER NOT NULL DEFAULT 0, h1 INTEGER NOT NULL DEFAULT 0, h2 INTEGER NOT NULL DEFAULT 0,
            h3 INTEGER NOT NULL DEFAULT 0, h4 INTEGER NOT NULL DEFAULT 0, h5 INTEGER NOT NULL DEFAULT 0,
            h6 INTEGER NOT NULL DEFAULT 0, h7 INTEGER NOT NULL DEFAULT 0, h8 INTEGER NOT NULL DEFAULT 0,
            h9 INTEGER NOT NULL DEFAULT 0, h10 INTEGER NOT NULL DEFAULT 0,
            sent INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (template_id, dimension, value, day)
        ) WITHOUT ROWID;
        CREATE INDEX ix_score_rollups_kind ON score_rollups (kind, dimension, day);
        """,
        """
        CREATE TABLE webhook_subscriptions (
            id TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            events TEXT NOT NULL,
            min_score INTEGER NULL,
            max_score INTEGER NULL,
            secret TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE webhook_deliveries (
            id TEXT PRIMARY KEY,
            subscription_id TEXT NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            customer_id TEXT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at TEXT NOT NULL,
            lease_owner TEXT NULL,
            last_status_code INTEGER NULL,
            last_error TEXT NULL,
            created_at TEXT NOT NULL,
            delivered_at TEXT NULL
        );
        CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
        CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);
        CREATE INDEX ix_webhook_deliveries_customer ON webhook_deliveries (customer_id);
        """,
        // The start of a provider request with no recorded outcome yet: a survey in doubt after a crash (docs/decisions.md, Reliability).
        "ALTER TABLE surveys ADD COLUMN send_attempted_at TEXT NULL;",
        // Response lists are ordered by answered_at, then id: indexes that hold both keep paging free of sorts.
        """
        DROP INDEX ix_responses_template;
        CREATE INDEX ix_responses_template ON responses (template_id, answered_at, id);
        CREATE INDEX ix_responses_answered ON responses (answered_at, id);
        """,
        // Answers to sent surveys (the response rate's numerator), and the answer's channel under a dimension of its own so
        // a property called "channel" gets rows: existing rows are recounted after this step (RecountRollupsBelow).
        "ALTER TABLE score_rollups ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;",
        // Comment themes: each response's counted terms, and their counts per template, UTC day, language and term. A term's
        // days are next to each other (in the key for one template, in the covering index for a kind), so a query sums
        // them in key order without sorting.
        """
        CREATE TABLE comment_terms (
            response_id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            template_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            day TEXT NOT NULL,
            language TEXT NOT NULL,
            band INTEGER NOT NULL,
            terms TEXT NOT NULL
        );
        CREATE INDEX ix_comment_terms_customer ON comment_terms (customer_id);
        CREATE INDEX ix_comment_terms_template ON comment_terms (template_id, day);
        CREATE INDEX ix_comment_terms_kind ON comment_terms (kind, day);
        CREATE TABLE comment_term_counts (
            template_id TEXT NOT NULL,
            day TEXT NOT NULL,
            language TEXT NOT NULL,
            term TEXT NOT NULL,
            kind TEXT NOT NULL,
            low INTEGER NOT NULL DEFAULT 0,
            middle INTEGER NOT NULL DEFAULT 0,
            high INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (template_id, language, term, day)
        ) WITHOUT ROWID;
        CREATE INDEX ix_comment_term_counts_kind ON comment_term_counts (kind, language, term, day, low, middle, high);
        CREATE TABLE comment_term_version (version INTEGER NOT NULL);
        """,
        // Comment themes: every term's counts over all templates and days. A term fewer than 3 comments of a band ever
        // contained cannot be a theme of that band in any query, so the partial indexes list the few that can, and a theme
        // query reads the day rows of those only (most terms are phrases one comment used).
        $"""
        CREATE TABLE comment_term_totals (
            term TEXT NOT NULL,
            language TEXT NOT NULL,
            low INTEGER NOT NULL DEFAULT 0,
            middle INTEGER NOT NULL DEFAULT 0,
            high INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (term, language)
        ) WITHOUT ROWID;
        CREATE INDEX ix_comment_term_totals_low ON comment_term_totals (language, term) WHERE low >= {SqliteCommentTermRows.CandidateMin};
        CREATE INDEX ix_comment_term_totals_middle ON comment_term_totals (language, term) WHERE middle >= {SqliteCommentTermRows.CandidateMin};
        CREATE INDEX ix_comment_term_totals_high ON comment_term_totals (language, term) WHERE high >= {SqliteCommentTermRows.CandidateMin};
        INSERT INTO comment_term_totals (term, language, low, middle, high)
        SELECT term, language, sum(low), sum(middle), sum(high) FROM comment_term_counts GROUP BY term, language;
        """,
        // Follow-ups: one per response (unique), the document in body, the columns the lists, the overdue job and erasure read.
        """
        CREATE TABLE followups (
            id TEXT PRIMARY KEY,
            response_id TEXT NOT NULL UNIQUE,
            template_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            status TEXT NOT NULL,
            assignee TEXT NULL,
            overdue INTEGER NOT NULL DEFAULT 0,
            due_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            version INTEGER NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX ix_followups_due ON followups (due_at) WHERE overdue = 0 AND status <> 'Resolved';
        CREATE INDEX ix_followups_status ON followups (status, id);
        CREATE INDEX ix_followups_template ON followups (template_id, created_at);
        CREATE INDEX ix_followups_customer ON followups (customer_id);
        """,
        // Reasons: the codes an answer was given with, a JSON array. Rollups gain the @reason rows, so existing ones are
        // recounted after this step (RecountRollupsBelow): every earlier answer counts in @reason=(none).
        "ALTER TABLE responses ADD COLUMN reasons TEXT NOT NULL DEFAULT '[]';",
        // Survey indexes cut to what the statements need (docs/benchmarks.md, "Survey indexes"). Each status-scoped index
        // holds only the rows of its status, so a new scheduled survey enters the claim, subject and template indexes and
        // leaves the lease, reminder, expiry and retention ones alone, and a status change moves a row between few indexes.
        // SQLite uses a partial index only when the statement's WHERE names the index's condition term for term:
        // statuses are spelled out here as they were when this step shipped, and the plan tests in the SQLite test
        // project (SqliteQueryPlanTests) fail when a statement's rendered statuses stop matching them.
        """
        DROP INDEX ix_surveys_due;
        DROP INDEX ix_surveys_lease;
        DROP INDEX ix_surveys_reminder;
        DROP INDEX ix_surveys_expiry;
        DROP INDEX ix_surveys_subject;
        DROP INDEX ix_surveys_template;
        CREATE INDEX ix_surveys_due ON surveys (send_at) WHERE status = 'Scheduled';
        CREATE INDEX ix_surveys_lease ON surveys (lease_until) WHERE status = 'Sending';
        CREATE INDEX ix_surveys_reminder ON surveys (reminder_at) WHERE status = 'Sent' AND reminder_sent_at IS NULL AND reminder_at IS NOT NULL;
        CREATE INDEX ix_surveys_expiry ON surveys (expires_at) WHERE status = 'Sent';
        CREATE INDEX ix_surveys_subject ON surveys (subject_id) WHERE status = 'Scheduled';
        CREATE INDEX ix_surveys_template ON surveys (template_id) WHERE status = 'Scheduled';
        CREATE INDEX ix_surveys_retention ON surveys (created_at) WHERE status IN ('Cancelled', 'Expired', 'Suppressed', 'Failed');
        """,
    ];

    /// <summary>A database migrated from a version below this one has its rollups rebuilt once the migrations have run.</summary>
    public const int RecountRollupsBelow = 12;
}
