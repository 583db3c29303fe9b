using System.Text;
using Feedback.Core.Common;
using Feedback.Core.Templates;

namespace Feedback.Core.Delivery;

/// <summary>
/// The shared skeleton of a survey e-mail, HTML and plain text, holding substitution tags for everything per recipient.
/// The HTML is nested tables with inline styles and no CSS classes, images or scripts: what Outlook's Word engine
/// and Gmail (which drops &lt;style&gt; in many views) both render.
/// </summary>
internal sealed record EmailLayout(string BaseUrl, string Locale, SurveyKind Kind, bool HasLowLabel, bool HasHighLabel)
{
    public const string LowLabelHtml = "%fb_low_label_html%";
    public const string LowLabelText = "%fb_low_label_text%";
    public const string HighLabelHtml = "%fb_high_label_html%";
    public const string HighLabelText = "%fb_high_label_text%";

    private const string Font = "font-family:Arial,Helvetica,sans-serif;";

    public static string ScoreUrl(string baseUrl, string token, int score) => $"{baseUrl}/s/{token}?score={score}";

    public static string UnsubscribeUrl(string baseUrl, string token) => $"{baseUrl}/u/{token}";

    public string Html()
    {
        var rtl = Locales.IsRightToLeft(Locale);
        var (dir, start, end) = rtl ? ("rtl", "right", "left") : ("ltr", "left", "right");
        var baseUrl = LiquidText.Html.Encode(BaseUrl);
        var (min, max) = Kind.Range();
        var count = max - min + 1;

        var html = new StringBuilder($"""
            <!DOCTYPE html>
            <html lang="{LiquidText.Html.Encode(Locale)}" dir="{dir}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="X-UA-Compatible" content="IE=edge">
            <title>{SubstitutionTags.SubjectHtml}</title>
            </head>
            <body style="margin:0;padding:0;background-color:#f3f4f6;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
            <tr><td align="center" style="padding:24px 12px;">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;">
            <tr><td dir="{dir}" align="{start}" style="padding:32px 24px 24px;{Font}font-size:18px;line-height:26px;color:#111827;">{SubstitutionTags.QuestionHtml}</td></tr>
            <tr><td style="padding:0 16px 24px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
            <tr>

            """);
        for (var score = min; score <= max; score++)
        {
            // Percent widths shrink the row of 11 NPS buttons onto a phone screen; Outlook honours them too.
            html.Append($"""
                <td width="{100 / count}%" align="center" style="padding:2px;"><a href="{ScoreUrl(baseUrl, SubstitutionTags.Token, score)}" style="display:block;padding:10px 0;border:1px solid #2563eb;border-radius:4px;background-color:#eff6ff;{Font}font-size:16px;font-weight:bold;line-height:20px;color:#1d4ed8;text-align:center;text-decoration:none;">{score}</a></td>

                """);
        }
        html.Append("</tr>\n");
        if (HasLowLabel || HasHighLabel)
        {
            var label = $"padding:6px 2px 0;{Font}font-size:13px;line-height:18px;color:#4b5563;";
            html.Append($"""
                <tr>
                <td colspan="{(count + 1) / 2}" align="{start}" style="{label}">{(HasLowLabel ? LowLabelHtml : "")}</td>
                <td colspan="{count / 2}" align="{end}" style="{label}">{(HasHighLabel ? HighLabelHtml : "")}</td>
                </tr>

                """);
        }
        html.Append($"""
            </table>
            </td></tr>
            <tr><td align="center" style="padding:0 24px 32px;{Font}font-size:12px;line-height:18px;color:#6b7280;"><a href="{UnsubscribeUrl(baseUrl, SubstitutionTags.Token)}" style="color:#6b7280;text-decoration:underline;">{LiquidText.Html.Encode(EmailStrings.Unsubscribe(Locale))}</a></td></tr>
            </table>
            </td></tr>
            </table>
            </body>
            </html>

            """);
        return html.ToString();
    }

    public string Text()
    {
        var (min, max) = Kind.Range();
        var text = new StringBuilder($"{SubstitutionTags.QuestionText}\n\n");
        for (var score = min; score <= max; score++)
        {
            var label = score == min && HasLowLabel ? $" ({LowLabelText})"
                : score == max && HasHighLabel ? $" ({HighLabelText})"
                : "";
            text.Append($"{score}{label}: {ScoreUrl(BaseUrl, SubstitutionTags.Token, score)}\n");
        }
        text.Append($"\n{EmailStrings.Unsubscribe(Locale)}: {UnsubscribeUrl(BaseUrl, SubstitutionTags.Token)}\n");
        return text.ToString();
    }
}
