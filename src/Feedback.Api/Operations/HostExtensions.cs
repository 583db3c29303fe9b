using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Operations;

public static class HostExtensions
{
    /// <summary>Clock, JSON conventions, options and request limits shared by every feature.</summary>
    public static WebApplicationBuilder AddFeedbackHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<FeedbackOptions>()
            .BindConfiguration(FeedbackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>, KestrelLimits>();
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.Converters.Add(new StrictEnumConverter());
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
    }

    private sealed class KestrelLimits(IOptions<FeedbackOptions> options)
        : IConfigureOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>
    {
        public void Configure(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel) =>
            kestrel.Limits.MaxRequestBodySize = options.Value.MaxRequestBodyBytes;
    }
}
