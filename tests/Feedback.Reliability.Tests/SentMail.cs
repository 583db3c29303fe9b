using Feedback.Testing;

namespace Feedback.Reliability.Tests;

/// <summary>One e-mail SendGrid took: which request carried it, the survey (custom_args), its answer token and the sender's API key.</summary>
public sealed record SentMail(int Request, string SurveyId, string Token, string ApiKey);

public static class SentMailExtensions
{
    /// <summary>The e-mails in requests <paramref name="from"/> onwards, in the order SendGrid received them.</summary>
    public static IReadOnlyList<SentMail> Mails(this FakeSendGridServer sendGrid, int from = 0)
    {
        var requests = sendGrid.Requests;
        var mails = new List<SentMail>();
        for (var i = from; i < requests.Count; i++)
        {
            var key = requests[i].Header("Authorization") ?? "";
            foreach (var p in requests[i].Json.GetProperty("personalizations").EnumerateArray())
            {
                mails.Add(new SentMail(i, p.GetProperty("custom_args").GetProperty("survey_id").GetString()!,
                    p.GetProperty("substitutions").GetProperty("%fb_token%").GetString()!, key));
            }
        }
        return mails;
    }

    /// <summary>Surveys SendGrid received more than once.</summary>
    public static IReadOnlyList<string> Doubles(this IEnumerable<SentMail> mails) =>
        mails.GroupBy(m => m.SurveyId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
}
