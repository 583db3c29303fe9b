using Feedback.Storage.Contract;

namespace Feedback.Storage.MongoDb.Tests.Live;

// The storage contract, port by port, on MongoDB.
public sealed class MongoStorageLifecycleTests : StorageLifecycleContract<MongoStorageUnderTest>;

public sealed class MongoTemplateStoreTests : TemplateStoreContract<MongoStorageUnderTest>;

public sealed class MongoApiKeyStoreTests : ApiKeyStoreContract<MongoStorageUnderTest>;

public sealed class MongoEventStoreTests : EventStoreContract<MongoStorageUnderTest>;

public sealed class MongoSuppressionStoreTests : SuppressionStoreContract<MongoStorageUnderTest>;

public sealed class MongoSurveyStoreTests : SurveyStoreContract<MongoStorageUnderTest>;

public sealed class MongoSurveyOutboxTests : SurveyOutboxContract<MongoStorageUnderTest>;

public sealed class MongoSurveyHousekeepingTests : SurveyHousekeepingContract<MongoStorageUnderTest>;

public sealed class MongoResponseStoreTests : ResponseStoreContract<MongoStorageUnderTest>;

public sealed class MongoRollupStoreTests : RollupStoreContract<MongoStorageUnderTest>;

public sealed class MongoRollupPairTests : RollupPairContract<MongoStorageUnderTest>;

public sealed class MongoCommentTermStoreTests : CommentTermStoreContract<MongoStorageUnderTest>;

public sealed class MongoWebhookStoreTests : WebhookStoreContract<MongoStorageUnderTest>;

public sealed class MongoWebhookOutboxTests : WebhookOutboxContract<MongoStorageUnderTest>;

public sealed class MongoFollowUpStoreTests : FollowUpStoreContract<MongoStorageUnderTest>;
