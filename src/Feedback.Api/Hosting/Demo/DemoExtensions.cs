namespace Feedback.Api.Hosting.Demo;

public static class DemoExtensions
{
    public const string Switch = "--demo";

    /// <summary>The command line without <c>--demo</c> (the configuration reader would take the next argument as its value).</summary>
    public static string[] WithoutDemoSwitch(string[] args) => args.Where(a => a != Switch).ToArray();

    /// <summary>
    /// Seeds demo data at start when <c>Feedback:Demo:Seed</c> is true or <paramref name="args"/> holds <c>--demo</c>.
    /// Call after <c>AddFeedbackStorage</c>: hosted services start in order, and the schema must exist first.
    /// </summary>
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder, string[] args)
    {
        if (args.Contains(Switch))
        {
            builder.Configuration[$"{DemoOptions.SectionName}:{nameof(DemoOptions.Seed)}"] = "true";
        }
        builder.Services.AddOptions<DemoOptions>()
            .BindConfiguration(DemoOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }
}
