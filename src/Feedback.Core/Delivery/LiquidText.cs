using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Feedback.Core.Surveys;
using Fluid;

namespace Feedback.Core.Delivery;

/// <summary>
/// Renders template texts (Liquid) for one survey, never throwing: what rendered before an error is kept. Public so the
/// answer pages render question and labels exactly as the e-mail does.
/// </summary>
public static class LiquidText
{
    private const int MaxCachedTemplates = 10_000;

    private static readonly FluidParser Parser = new();

    // MaxSteps bounds loops such as {% for i in (1..100000000) %} in a template that passed validation.
    private static readonly TemplateOptions Options = new()
    {
        CultureInfo = CultureInfo.InvariantCulture,
        MaxSteps = 100_000,
        MaxRecursion = 20,
    };

    // A null entry is a source that does not parse (validated templates do); it renders as literal text.
    private static readonly ConcurrentDictionary<string, IFluidTemplate?> Cache = new(StringComparer.Ordinal);

    /// <summary>Escapes markup but keeps every script readable (Hebrew, Slovak), unlike <see cref="HtmlEncoder.Default"/>.</summary>
    public static readonly TextEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Leaves values as they are, for plain text and subjects.</summary>
    public static readonly TextEncoder Raw = NullEncoder.Default;

    /// <summary>The Liquid model of a survey: <c>customer.id</c>, <c>customer.name</c>, <c>subject.id</c>, <c>properties.*</c>, <c>survey.id</c>.</summary>
    public static IReadOnlyDictionary<string, object> Model(Survey survey) => new Dictionary<string, object>
    {
        ["customer"] = new Dictionary<string, object>
        {
            ["id"] = survey.Customer.Id,
            ["name"] = survey.Customer.Name ?? "",
        },
        ["subject"] = new Dictionary<string, object> { ["id"] = survey.SubjectId },
        ["properties"] = survey.Properties.ToDictionary(p => p.Key, p => (object)p.Value, StringComparer.Ordinal),
        ["survey"] = new Dictionary<string, object> { ["id"] = survey.Id },
    };

    public static string Render(string source, IReadOnlyDictionary<string, object> model, TextEncoder encoder)
    {
        var template = Parse(source);
        if (template is null)
        {
            return encoder.Encode(source);
        }

        // A fresh context per text, so an error half-way through one text cannot leave scopes behind for the next.
        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            // Without a file provider (no include/render) Fluid completes synchronously; waiting is only a fallback.
            var rendering = template.RenderAsync(writer, context, encoder, isolateContext: false);
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception)
        {
            // A runtime error (a filter failing, MaxSteps) must not stop the batch: keep what was written.
        }
        return writer.ToString();
    }

    private static IFluidTemplate? Parse(string source)
    {
        if (Cache.TryGetValue(source, out var cached))
        {
            return cached;
        }
        if (Cache.Count >= MaxCachedTemplates)
        {
            Cache.Clear();
        }
        var template = Parser.TryParse(source, out var parsed, out _) ? parsed : null;
        return Cache.GetOrAdd(source, template);
    }
}
