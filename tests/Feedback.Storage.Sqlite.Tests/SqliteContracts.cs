using Feedback.Storage.Contract;

namespace Feedback.Storage.Sqlite.Tests;

// The storage contract, port by port, on SQLite.
public sealed class SqliteStorageLifecycleTests : StorageLifecycleContract<SqliteStorageUnderTest>;

public sealed class SqliteTemplateStoreTests : TemplateStoreContract<SqliteStorageUnderTest>;

public sealed class SqliteApiKeyStoreTests : ApiKeyStoreContract<SqliteStorageUnderTest>;

public sealed class SqliteEventStoreTests : EventStoreContract<SqliteStorageUnderTest>;

public sealed class SqliteSuppressionStoreTests : SuppressionStoreContract<SqliteStorageUnderTest>;

public sealed class SqliteSurveyStoreTests : SurveyStoreContract<SqliteStorageUnderTest>;

public sealed class SqliteSurveyOutboxTests : SurveyOutboxContract<SqliteStorageUnderTest>;

public sealed class SqliteSurveyHousekeepingTests : SurveyHousekeepingContract<SqliteStorageUnderTest>;

public sealed class SqliteResponseStoreTests : ResponseStoreContract<SqliteStorageUnderTest>;

public sealed class SqliteRollupStoreTests : RollupStoreContract<SqliteStorageUnderTest>;

public sealed class SqliteRollupPairTests : RollupPairContract<SqliteStorageUnderTest>;

public sealed class SqliteCommentTermStoreTests : CommentTermStoreContract<SqliteStorageUnderTest>;

public sealed class SqliteWebhookStoreTests : WebhookStoreContract<SqliteStorageUnderTest>;

public sealed class SqliteWebhookOutboxTests : WebhookOutboxContract<SqliteStorageUnderTest>;

public sealed class SqliteFollowUpStoreTests : FollowUpStoreContract<SqliteStorageUnderTest>;
