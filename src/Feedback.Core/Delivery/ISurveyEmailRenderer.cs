using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Delivery;

/// <summary>Renders the surveys of one template and one content locale into a batch (Liquid via Fluid, values HTML-escaped).</summary>
public interface ISurveyEmailRenderer
{
    /// <param name="template">The template (its content for <paramref name="locale"/> is used).</param>
    /// <param name="locale">A key of <see cref="SurveyTemplate.Content"/>.</param>
    /// <param name="surveys">At most 1000 surveys of that template whose content locale is <paramref name="locale"/>.</param>
    EmailBatch Render(SurveyTemplate template, string locale, IReadOnlyList<Survey> surveys);
}
