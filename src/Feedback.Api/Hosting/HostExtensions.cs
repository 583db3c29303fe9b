using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Hosting;

public static class HostExtensions
{
    /// <summary>JSON conventions and options shared by every feature (the body limit is applied per request by UseFeedbackErrors).</summary>
    public static WebApplicationBuilder AddFeedbackHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedbackOptions>()
            .BindConfiguration(FeedbackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.Converters.Add(new StrictEnumConverter());
        json.Converters.Add(new OffsetDateTimeConverter());
        json.NumberHandling = JsonNumberHandling.Strict;
        json.AllowDuplicateProperties = false;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    /// <summary>Runs the app; a configuration error ends start-up with one line naming the key instead of a stack trace.</summary>
    public static async Task<int> RunUntilStoppedAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"Invalid configuration: {string.Join("; ", e.Failures)}");
            return 2;
        }
        // A value the binder cannot convert ("4MB" for a number) fails before validation; its message names the key.
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Invalid configuration: {e.Message}");
            return 2;
        }
    }
}
