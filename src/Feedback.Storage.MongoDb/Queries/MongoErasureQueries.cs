using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>
/// A customer's erasure. Every filter names only documents that still hold something to erase, so a repeat matches
/// nothing and the modified counts are what this call changed.
/// </summary>
internal static class MongoErasureQueries
{
    private static FilterDefinitionBuilder<SurveyDocument> Survey => Builders<SurveyDocument>.Filter;

    /// <summary>The customer's scheduled surveys, which erasure cancels so nothing is sent.</summary>
    public static FilterDefinition<SurveyDocument> ScheduledOf(string customerId) =>
        Survey.Eq(s => s.CustomerId, customerId) & Survey.Eq(s => s.Status, SurveyStatus.Scheduled);

    /// <summary>The customer's surveys that still hold the address or the name.</summary>
    public static FilterDefinition<SurveyDocument> NotErasedOf(string customerId) =>
        Survey.Eq(s => s.CustomerId, customerId) & NotErased();

    /// <summary>One survey, if it still holds the address or the name.</summary>
    public static FilterDefinition<SurveyDocument> NotErased(string id) => Survey.Eq(s => s.Id, id) & NotErased();

    /// <summary>The address replaced, the name removed and the token replaced by one nobody is told.</summary>
    public static UpdateDefinition<SurveyDocument> EraseSurvey(string newToken) => Builders<SurveyDocument>.Update
        .Set(s => s.Customer.Email, Erasure.Email)
        .Unset(s => s.Customer.Name)
        .Set(s => s.Token, newToken);

    public static FilterDefinition<ResponseDocument> CommentedOf(string customerId) =>
        Builders<ResponseDocument>.Filter.Eq(r => r.CustomerId, customerId) & Builders<ResponseDocument>.Filter.Ne(r => r.Comment, null);

    public static UpdateDefinition<ResponseDocument> EraseComment(DateTimeOffset at) => Builders<ResponseDocument>.Update
        .Unset(r => r.Comment)
        .Set(r => r.HasComment, false)
        .Set(r => r.UpdatedAt, at);

    private static FilterDefinition<SurveyDocument> NotErased() =>
        Survey.Ne(s => s.Customer.Email, Erasure.Email) | Survey.Ne(s => s.Customer.Name, null);
}
