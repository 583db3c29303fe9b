using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Feedback.Core.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Hosting.Errors;

/// <summary>
/// A JSON request body read so that one 400 can list every bad field. A value of the wrong JSON type is reported in
/// <see cref="Errors"/> under its path and left out of <see cref="Value"/>, which binds without it; the handler adds its
/// own checks to the same <see cref="Errors"/>, which drops those about a field already reported (it would only look
/// missing). Every JSON body of the API is taken this way. A body that is not JSON is a 400 under <c>body</c>; a missing
/// one and one that is not <c>application/json</c> are answered by <see cref="BadRequestExceptionHandler"/>.
/// </summary>
public sealed class JsonBody<T> : IEndpointParameterMetadataProvider where T : class
{
    private JsonBody(T value, ValidationErrors errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The request, without the values that had the wrong type.</summary>
    public T Value { get; }

    /// <summary>The type errors of the body, settled (<see cref="ValidationErrors.Settle"/>); the handler's checks go here too.</summary>
    public ValidationErrors Errors { get; }

    public static async ValueTask<JsonBody<T>> BindAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The request body is not JSON.", StatusCodes.Status415UnsupportedMediaType);
        }
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = await JsonFields.ReadBodyAsync(context.Request, context.RequestAborted);
        var errors = new ValidationErrors();
        var value = JsonFields.Read(body, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)), errors)
            ?? throw new BadHttpRequestException(JsonFields.MissingBody);
        return new JsonBody<T>(value, errors);
    }

    // The OpenAPI document shows the body as T, as it would a plain body parameter.
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));
}
