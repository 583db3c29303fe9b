using System.Globalization;
using Feedback.Core.Templates;

namespace Feedback.Core.Delivery;

/// <summary>
/// The answer links a link survey's caller shows: the page, and one one-click link per score of the kind's scale, built
/// as the e-mail builds them (<see cref="EmailLayout.ScoreUrl"/>), so a click on either records the same answer.
/// </summary>
public sealed class AnswerLinks(IPublicUrls urls)
{
    public string AnswerUrl(string token) => $"{urls.BaseUrl.TrimEnd('/')}/s/{Uri.EscapeDataString(token)}";

    /// <summary>Keyed by the score as text ("0" … "10" for NPS), in scale order.</summary>
    public IReadOnlyDictionary<string, string> ScoreUrls(string token, SurveyKind kind)
    {
        var (min, max) = kind.Range();
        var baseUrl = urls.BaseUrl.TrimEnd('/');
        return Enumerable.Range(min, max - min + 1).ToDictionary(
            score => score.ToString(CultureInfo.InvariantCulture),
            score => EmailLayout.ScoreUrl(baseUrl, Uri.EscapeDataString(token), score),
            StringComparer.Ordinal);
    }
}
