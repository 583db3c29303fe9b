using System.Net;
using Feedback.Core.Storage;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace Feedback.Storage.MongoDb.Tests.Lifecycle;

public sealed class DuplicateKeyTests
{
    private static MongoCommandException ServerError(int code, string message) => new(
        new ConnectionId(new ServerId(new ClusterId(), new DnsEndPoint("localhost", 27017))),
        message, new BsonDocument("insert", "apiKeys"), new BsonDocument { { "ok", 0 }, { "code", code }, { "errmsg", message } });

    [Fact]
    public void DuplicateKeyNamesTheIndexButNotTheKeyValue()
    {
        var cause = ServerError(11000, "E11000 duplicate key error collection: feedback.apiKeys index: secretHash_1 dup key: { secretHash: \"9f86d081\" }");

        var duplicate = MongoErrors.Duplicate("API key 'key_1' or its secret hash exists.", cause);

        Assert.IsType<DuplicateKeyException>(duplicate);
        Assert.Equal("API key 'key_1' or its secret hash exists. (unique index secretHash_1)", duplicate.Message);
        Assert.Same(cause, duplicate.InnerException);
    }

    [Fact]
    public void OnlyTheDuplicateKeyCodeCountsAsADuplicate()
    {
        Assert.True(ServerError(11000, "E11000 duplicate key error").IsDuplicateKey());
        Assert.False(ServerError(112, "WriteConflict").IsDuplicateKey());
    }
}
