using Feedback.Core.Storage;
using Feedback.Storage.MongoDb.Documents;

namespace Feedback.Storage.MongoDb.Tests.Documents;

public sealed class ApiKeyAndSuppressionDocumentTests
{
    [Fact]
    public void ApiKeyIsStoredWithPinnedFieldNamesAndScopesAsNames()
    {
        Bson.AssertEqual("""
            { _id: 'key_0193f1c2a0007000a000000000000004', name: 'helpdesk', scopes: ['Ingest', 'Read'],
              secretHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
              createdAt: ISODate('2026-11-23T10:00:00.123Z'), revokedAt: ISODate('2026-11-24T10:00:00.123Z') }
            """, Bson.Serialize(ApiKeyDocument.From(Samples.Key())));
    }

    [Fact]
    public void ApiKeySurvivesTheRoundTripRevokedOrNot()
    {
        var revoked = Samples.Key();
        var active = revoked with { RevokedAt = null };

        Same.Key(revoked, Bson.RoundTrip(ApiKeyDocument.From(revoked)).ToApiKey());
        Same.Key(active, Bson.RoundTrip(ApiKeyDocument.From(active)).ToApiKey());
        Assert.DoesNotContain("revokedAt", Bson.Serialize(ApiKeyDocument.From(active)).Names);
    }

    [Fact]
    public void SuppressionIsKeyedByItsEmail()
    {
        var suppression = new Suppression("jan@example.sk", "bounce", "sendgrid", Samples.Now);

        var bson = Bson.Serialize(SuppressionDocument.From(suppression));

        Bson.AssertEqual("{ _id: 'jan@example.sk', reason: 'bounce', source: 'sendgrid', createdAt: ISODate('2026-11-23T10:00:00.123Z') }", bson);
        Assert.Equal(suppression, Bson.Deserialize<SuppressionDocument>(bson).ToSuppression());
    }
}
