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

    /// <summary>Runs the app; a configuration error ends start-up with one line per bad value naming its key, exit code 2.</summary>
    public static async Task<int> RunUntilStoppedAsync(this WebApplication app)
    {
        try
        {
            // Validated before the host starts: a failure inside the host's start is logged with its stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (ConfigurationErrors.Describe(e) is { } lines)
        {
            foreach (var line in lines)
            {
                await Console.Error.WriteLineAsync($"Invalid configuration: {line}");
            }
            return 2;
        }
    }
}
