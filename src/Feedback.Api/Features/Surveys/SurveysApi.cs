using System.Diagnostics;
using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Delivery;
using Feedback.Core.Scheduling;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.Surveys;

public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/surveys")
            .WithFeedbackErrors()
            .WithTags("Surveys");

        group.MapPost("/", SendAsync)
            .WithName("sendSurvey")
            .WithSummary("Schedule a survey for a customer directly.")
            .ProducesProblems(409)
            .RequireAuthorization(Scopes.Ingest);

        group.MapGet("/{id}", GetAsync)
            .WithName("getSurvey")
            .WithSummary("Get a survey and its delivery state.")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Read);

        group.MapGet("/", SurveyListing.ListAsync)
            .WithName("listSurveys")
            .WithSummary("List surveys by status, template, subject or customer, paged by cursor.")
            .RequireAuthorization(Scopes.Read);

        group.MapDelete("/{id}", CancelAsync)
            .WithName("cancelSurvey")
            .WithSummary("Cancel a scheduled survey (409 once it is being sent or sent).")
            .ProducesProblems(404, 409)
            .RequireAuthorization(Scopes.Ingest);

        group.MapDelete("/", SurveyListing.CancelBySubjectAsync)
            .WithName("cancelSubjectSurveys")
            .WithSummary("Cancel every scheduled survey of a subject (?subjectId=).")
            .RequireAuthorization(Scopes.Ingest);

        return app;
    }

    public static async Task<Results<Created<SurveyDeliveryResponse>, ValidationProblem, ProblemHttpResult>> SendAsync(
        JsonBody<SendSurveyRequest> body, SurveyScheduler scheduler, AnswerLinks links, CancellationToken ct)
    {
        var (request, errors) = (body.Value, body.Errors);
        errors.AddRange(request.Validate(out var properties));
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var result = await scheduler.SendDirectAsync(
            request.TemplateId!, request.Customer!.ToCustomer(), request.SubjectId!, properties, request.SendAt, request.Delivery, ct);
        return result switch
        {
            DirectSendResult.Scheduled(var survey) => TypedResults.Created($"/v1/surveys/{survey.Id}", SurveyDeliveryResponse.Sent(survey, links)),
            DirectSendResult.EmailRequired => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["customer.email"] = ["is required for an e-mail survey (delivery email)"] }),
            DirectSendResult.TemplateNotActive(var exists) => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["templateId"] = [exists ? "is archived" : "does not exist"] }),
            DirectSendResult.Suppressed => Problems.Conflict("The customer's address is suppressed (bounce, spam report or unsubscribe)."),
            DirectSendResult.Duplicate => Problems.Conflict("A survey of this template for this subject and customer is already scheduled or sent."),
            _ => throw new UnreachableException(),
        };
    }

    public static async Task<Results<Ok<SurveyDeliveryResponse>, ProblemHttpResult>> GetAsync(string id, ISurveyStore surveys, CancellationToken ct) =>
        await surveys.GetAsync(id, ct) is { } survey
            ? TypedResults.Ok(SurveyDeliveryResponse.From(survey))
            : Problems.NotFound($"Survey '{id}' does not exist.");

    public static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(
        string id, ISurveyStore surveys, TimeProvider time, CancellationToken ct)
    {
        if (await surveys.GetAsync(id, ct) is not { } survey)
        {
            return Problems.NotFound($"Survey '{id}' does not exist.");
        }
        if (survey.Status == SurveyStatus.Cancelled || await surveys.CancelAsync(id, time.GetUtcNow(), ct))
        {
            return TypedResults.NoContent();
        }
        var current = await surveys.GetAsync(id, ct);
        return Problems.Conflict($"The survey can no longer be cancelled: it is {current?.Status.ToString().ToLowerInvariant()}.");
    }
}
