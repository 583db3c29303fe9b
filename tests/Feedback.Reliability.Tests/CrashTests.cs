using System.Net;
using System.Security.Cryptography;
using Feedback.Core.Responses;
using Feedback.Testing;

namespace Feedback.Reliability.Tests;

/// <summary>
/// kill -9 during dispatch, restart, repeat: every survey reaches SendGrid exactly once. The request in flight at a kill
/// leaves its surveys in doubt; the fake's signed <c>processed</c> events (posted to whichever process is up) confirm the
/// ones SendGrid took, and only the others are sent again after the confirm window (docs/decisions.md, Reliability).
/// Answers posted meanwhile that were acknowledged (200) are all stored.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly Random _random = new(20261123);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("feedback-crash-");
    private readonly ECDsa _eventKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly HttpClient _events = new();
    private FakeSendGridServer _sendGrid = null!;
    private volatile ServiceProcess? _service;

    public async ValueTask InitializeAsync()
    {
        _sendGrid = await FakeSendGridServer.StartAsync();
        // A little slowness per request stretches dispatch over several seconds, so kills land in the middle of it.
        _sendGrid.Default = FakeSendGridResponse.Accepted with { Delay = TimeSpan.FromMilliseconds(60) };
        // Events come later than the 202, as SendGrid's do, so a live dispatcher records its own sends first and what
        // events confirm is what was in flight at a kill.
        _sendGrid.Events.Delay = TimeSpan.FromSeconds(1);
    }

    [Fact]
    public async Task EverySurveyIsSentAndEveryAcknowledgedAnswerKeptAcrossKills()
    {
        var (surveyCount, kills) = (Soak.Pick(2000, 10_000), Soak.Pick(5, 25));
        // Ingest with dispatch idle (hourly), so all of the dispatch happens in the kill loop below.
        _service = await StartAsync(pollInterval: "01:00:00");
        await _service.Client.CreateTemplateAsync();
        var expected = await _service.Client.PostEventsAsync(surveyCount);
        await _service.KillAsync();
        await _service.DisposeAsync();
        _service = await StartAsync();
        using var stopAnswering = new CancellationTokenSource();
        var answering = AnswerWhileRunningAsync(stopAnswering.Token);

        var inFlightAtKills = new List<(int From, int To)>();
        var confirmed = 0L;
        for (var kill = 0; kill < kills && !await _service.Client.IsOutboxEmptyAsync(); kill++)
        {
            await Task.Delay(_random.Next(200, 1500));
            confirmed += await _service.Client.ConfirmedAsync();
            var before = _sendGrid.Requests.Count;
            await _service.KillAsync();
            await Task.Delay(300);
            inFlightAtKills.Add((Math.Max(0, before - 1), _sendGrid.Requests.Count));
            await _service.DisposeAsync();
            _service = await StartAsync();
        }
        await _service.Client.WaitUntilOutboxEmptyAsync(Soak.Patience);
        await _sendGrid.Events.WaitUntilDeliveredAsync(Soak.Patience);
        confirmed += await _service.Client.ConfirmedAsync();
        await stopAnswering.CancelAsync();
        var acknowledged = await answering;

        var mails = _sendGrid.Mails();
        var doubles = mails.Doubles();
        var inFlight = mails.Where(m => inFlightAtKills.Any(k => m.Request >= k.From && m.Request < k.To)).Select(m => m.SurveyId).ToHashSet();
        var missing = expected.Except(mails.Select(m => m.SurveyId)).ToList();
        // In flight at a kill and sent once: SendGrid's event confirmed it, or it never reached SendGrid and was resent.
        output.WriteLine($"surveys {expected.Count}, kills {inFlightAtKills.Count}, requests {_sendGrid.Requests.Count}, " +
            $"e-mails {mails.Count}, doubles {doubles.Count}, missing {missing.Count}, in flight at a kill {inFlight.Count} " +
            $"(sent once {inFlight.Except(doubles).Count()}), confirmed by event {confirmed}, events acknowledged {_sendGrid.Events.Delivered}, answers acknowledged {acknowledged.Count}");
        Assert.Equal(surveyCount, expected.Count);
        Assert.True(inFlightAtKills.Count > 0, "no kill happened during dispatch");
        Assert.Empty(missing);
        Assert.Empty(doubles);
        await AssertAnswersStoredAsync(acknowledged);
    }

    /// <summary>Starts a process and points SendGrid's Event Webhook at it (a restart has a new port).</summary>
    private async Task<ServiceProcess> StartAsync(string pollInterval = "00:00:00.200")
    {
        var service = await StartProcessAsync(pollInterval);
        _sendGrid.Events.Target = new EventWebhookTarget(_events, $"{service.BaseUrl}/webhooks/sendgrid", _eventKey, TimeProvider.System);
        return service;
    }

    private Task<ServiceProcess> StartProcessAsync(string pollInterval) => ServiceProcess.StartAsync(new Dictionary<string, string>
    {
        ["Feedback:Storage:Sqlite:Path"] = Path.Combine(_data.FullName, "feedback.db"),
        ["Feedback:SendGrid:ApiKey"] = "SG.crash",
        ["Feedback:SendGrid:BaseUrl"] = _sendGrid.BaseUrl,
        ["Feedback:Dispatch:PollInterval"] = pollInterval,
        ["Feedback:Dispatch:BatchSize"] = "50",
        // Short, so a killed process's claim comes back quickly; only one process runs at a time here.
        ["Feedback:Dispatch:Lease"] = "00:00:02",
        // Short too: a request that never reached SendGrid gets no event, and waits this long to be sent again.
        ["Feedback:Dispatch:ConfirmWindow"] = "00:00:20",
        ["Feedback:SendGrid:WebhookPublicKey"] = Convert.ToBase64String(_eventKey.ExportSubjectPublicKeyInfo()),
    });

    /// <summary>Answers the surveys as their e-mails arrive, each once, on whichever process is up; returns the acknowledged ones.</summary>
    private async Task<Dictionary<string, int>> AnswerWhileRunningAsync(CancellationToken stop)
    {
        var acknowledged = new Dictionary<string, int>();
        var tried = new HashSet<string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var seen = 0;
        while (!stop.IsCancellationRequested)
        {
            var mails = _sendGrid.Mails(seen);
            seen += mails.Select(m => m.Request + 1 - seen).DefaultIfEmpty(0).Max();
            foreach (var mail in mails.Where(m => tried.Add(m.SurveyId)))
            {
                var score = _random.Next(1, 6);
                try
                {
                    var form = new FormUrlEncodedContent([new("score", score.ToString()), new("comment", $"answer {mail.SurveyId}")]);
                    var response = await http.PostAsync($"{_service!.BaseUrl}/s/{mail.Token}", form, CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged[mail.SurveyId] = score;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // The process was killed: this answer was not acknowledged, so nothing is promised about it.
                }
            }
            await Task.Delay(50, CancellationToken.None);
        }
        return acknowledged;
    }

    private async Task AssertAnswersStoredAsync(Dictionary<string, int> acknowledged)
    {
        Assert.NotEmpty(acknowledged);
        foreach (var (surveyId, score) in acknowledged)
        {
            var response = await _service!.Client.GetAsync($"/v1/responses/{SurveyResponse.IdForSurvey(surveyId)}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"acknowledged answer to {surveyId} is missing");
            Assert.Contains($"\"score\":{score}", await response.Content.ReadAsStringAsync());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
        await _sendGrid.DisposeAsync();
        _events.Dispose();
        _eventKey.Dispose();
        _data.Delete(recursive: true);
    }
}
