namespace Feedback.Api.Hosting.OpenApi;

/// <summary>
/// Example bodies of the main operations, by operationId: the request and the success answer of the README's walk-through
/// (a CSAT survey after a helpdesk ticket is resolved). The OpenAPI linter in the test suite checks each one against its
/// schema, so an example that stops fitting the contract fails the suite.
/// </summary>
public static class OperationExamples
{
    private const string TemplateRequest = """
        {
          "name": "Post-resolution CSAT", "kind": "csat", "trigger": "ticket.resolved", "cancelOn": ["ticket.reopened"],
          "delay": "PT24H", "reminderAfter": "P3D", "expiresAfter": "P14D", "quietPeriod": "P30D", "sampleRate": 1.0,
          "sendWindow": { "start": "09:00", "end": "20:00" }, "defaultLocale": "en", "delivery": "email",
          "followUp": { "maxScore": 2, "due": "PT24H" },
          "reasons": { "maxScore": 3, "codes": ["slow_response", "not_solved", "rude"] },
          "content": {
            "en": { "subject": "How did we do, {{ customer.name }}?", "question": "How satisfied are you with {{ subject.id }}?",
                    "lowLabel": "Very unsatisfied", "highLabel": "Very satisfied", "commentPrompt": "What could we do better?",
                    "thankYou": "Thank you, {{ customer.name }}!",
                    "reasonLabels": { "slow_response": "The answer took too long", "not_solved": "My problem is not solved", "rude": "I was treated rudely" } },
            "sk": { "subject": "Ako sme to zvládli, {{ customer.name }}?", "question": "Ako ste spokojný s {{ subject.id }}?",
                    "lowLabel": "Veľmi nespokojný", "highLabel": "Veľmi spokojný", "commentPrompt": "Čo by sme mohli zlepšiť?",
                    "thankYou": "Ďakujeme, {{ customer.name }}!",
                    "reasonLabels": { "slow_response": "Odpoveď trvala príliš dlho", "not_solved": "Môj problém nie je vyriešený" } }
          }
        }
        """;

    private const string Template = """
        {
          "id": "tpl_019ab3c4d5e67f80a1b2c3d4e5f60718", "version": 1, "status": "active",
          "name": "Post-resolution CSAT", "kind": "csat", "trigger": "ticket.resolved", "cancelOn": ["ticket.reopened"],
          "delay": "PT24H", "reminderAfter": "P3D", "expiresAfter": "P14D", "quietPeriod": "P30D", "sampleRate": 1.0,
          "sendWindow": { "start": "09:00", "end": "20:00" }, "defaultLocale": "en", "delivery": "email",
          "followUp": { "maxScore": 2, "due": "PT24H" },
          "reasons": { "maxScore": 3, "codes": ["slow_response", "not_solved", "rude"] },
          "content": {
            "en": { "subject": "How did we do, {{ customer.name }}?", "question": "How satisfied are you with {{ subject.id }}?",
                    "lowLabel": "Very unsatisfied", "highLabel": "Very satisfied", "commentPrompt": "What could we do better?",
                    "thankYou": "Thank you, {{ customer.name }}!",
                    "reasonLabels": { "slow_response": "The answer took too long", "not_solved": "My problem is not solved", "rude": "I was treated rudely" } },
            "sk": { "subject": "Ako sme to zvládli, {{ customer.name }}?", "question": "Ako ste spokojný s {{ subject.id }}?",
                    "lowLabel": "Veľmi nespokojný", "highLabel": "Veľmi spokojný", "commentPrompt": "Čo by sme mohli zlepšiť?",
                    "thankYou": "Ďakujeme, {{ customer.name }}!",
                    "reasonLabels": { "slow_response": "Odpoveď trvala príliš dlho", "not_solved": "Môj problém nie je vyriešený" } }
          },
          "createdAt": "2026-11-23T09:55:00+00:00", "updatedAt": "2026-11-23T09:55:00+00:00"
        }
        """;

    private const string Event = """
        {
          "id": "helpdesk-ticket-42-resolved", "type": "ticket.resolved", "occurredAt": "2026-11-23T10:00:00Z",
          "subjectId": "ticket-42",
          "customer": { "id": "c-17", "email": "jan@example.sk", "name": "Ján", "locale": "sk-SK", "timeZone": "Europe/Bratislava" },
          "properties": { "channel": "email", "agent": "maria", "category": "delivery", "product": "X1" }
        }
        """;

    private const string EventOutcome = """
        {
          "eventId": "helpdesk-ticket-42-resolved",
          "surveys": [
            { "id": "srv_019ab3c6a1b27c3d8e4f5a6b7c8d9e0f", "templateId": "tpl_019ab3c4d5e67f80a1b2c3d4e5f60718", "status": "scheduled", "sendAt": "2026-11-24T10:00:00+00:00",
              "answerUrl": null, "scoreUrls": null }
          ],
          "skipped": [], "cancelled": []
        }
        """;

    private const string FollowUp = """
        {
          "id": "fup_019ab3c8b1c27d3e8f4a5b6c7d8e9f00", "responseId": "rsp_srv_019ab3c6a1b27c3d8e4f5a6b7c8d9e0f",
          "surveyId": "srv_019ab3c6a1b27c3d8e4f5a6b7c8d9e0f", "templateId": "tpl_019ab3c4d5e67f80a1b2c3d4e5f60718", "kind": "csat",
          "score": 2, "comment": "Still waiting for the refund.", "reasons": [],
          "customer": { "id": "c-17", "email": "jan@example.sk", "name": "Ján", "locale": "sk-SK" },
          "subjectId": "ticket-42", "properties": { "agent": "maria" }, "status": "in_progress", "assignee": "maria",
          "dueAt": "2026-11-25T10:05:00+00:00", "overdue": false, "createdAt": "2026-11-24T10:05:00+00:00",
          "updatedAt": "2026-11-24T11:00:00+00:00", "resolvedAt": null,
          "notes": [{ "at": "2026-11-24T11:00:00+00:00", "author": "maria", "text": "Called, refund sent again." }]
        }
        """;

    public static readonly IReadOnlyDictionary<string, string> Requests = new Dictionary<string, string>
    {
        ["updateFollowUp"] = """{ "status": "in_progress", "assignee": "maria", "note": { "author": "maria", "text": "Called, refund sent again." } }""",
        ["createApiKey"] = """{ "name": "helpdesk", "scopes": ["ingest", "read"] }""",
        ["createTemplate"] = TemplateRequest,
        ["replaceTemplate"] = TemplateRequest,
        ["previewTemplate"] = """
            {
              "locale": "sk", "subjectId": "ticket-42",
              "customer": { "id": "c-17", "email": "jan@example.sk", "name": "Ján", "locale": "sk-SK", "timeZone": "Europe/Bratislava" },
              "properties": { "agent": "maria" }
            }
            """,
        ["ingestEvent"] = Event,
        ["ingestEventBatch"] = $$"""{ "events": [{{Event}}] }""",
        ["sendSurvey"] = """
            {
              "templateId": "tpl_019ab3c4d5e67f80a1b2c3d4e5f60718", "subjectId": "ticket-42",
              "customer": { "id": "c-17", "email": "jan@example.sk", "name": "Ján", "locale": "sk-SK", "timeZone": "Europe/Bratislava" },
              "properties": { "channel": "email", "agent": "maria" }, "sendAt": "2026-11-24T10:00:00Z", "delivery": "email"
            }
            """,
        ["recordResponse"] = """
            {
              "id": "phone-call-981", "templateId": "tpl_019ab3c4d5e67f80a1b2c3d4e5f60718", "score": 2,
              "comment": "Friendly, but it took three days.", "channel": "phone", "customer": { "id": "c-17" }, "subjectId": "ticket-42",
              "locale": "sk", "properties": { "agent": "maria" }, "answeredAt": "2026-11-23T14:05:00Z", "reasons": ["slow_response"]
            }
            """,
        ["addSuppression"] = """{ "email": "jan@example.sk", "reason": "asked by phone" }""",
        ["createWebhook"] = """{ "url": "https://hooks.example.com/detractors", "events": ["response.created"], "minScore": null, "maxScore": 2 }""",
    };

    public static readonly IReadOnlyDictionary<(string OperationId, string Status), string> Responses = new Dictionary<(string, string), string>
    {
        [("createApiKey", "201")] = """
            {
              "id": "key_019ab3c3f0a17b2c9d3e4f5a6b7c8d9e", "name": "helpdesk", "scopes": ["ingest", "read"],
              "createdAt": "2026-11-23T09:50:00+00:00", "revokedAt": null, "key": "fbk_q3Jx0mZ5bR8sV1tW4yA7cD2eF6gH9iK0lM3nP5rS8uX"
            }
            """,
        [("listFollowUps", "200")] = $$"""{ "items": [{{FollowUp}}], "nextCursor": null }""",
        [("getFollowUp", "200")] = FollowUp,
        [("updateFollowUp", "200")] = FollowUp,
        [("getFollowUpStats", "200")] = """
            { "opened": 42, "resolved": 38, "open": 4, "overdue": 1, "resolvedWithinDue": 0.92, "medianHoursToResolve": 6.5 }
            """,
        [("createTemplate", "201")] = Template,
        [("getTemplate", "200")] = Template,
        [("ingestEvent", "202")] = EventOutcome,
        [("ingestEventBatch", "202")] = $$"""{ "results": [{{EventOutcome}}] }""",
        [("sendSurvey", "201")] = """
            {
              "id": "srv_019ab3c6a1b27c3d8e4f5a6b7c8d9e0f", "templateId": "tpl_019ab3c4d5e67f80a1b2c3d4e5f60718", "templateVersion": 1,
              "kind": "csat", "eventId": null, "subjectId": "ticket-42",
              "customer": { "id": "c-17", "email": "jan@example.sk", "name": "Ján", "locale": "sk-SK", "timeZone": "Europe/Bratislava" },
              "locale": "sk", "properties": { "channel": "email", "agent": "maria" }, "status": "scheduled",
              "sendAt": "2026-11-24T10:00:00+00:00", "createdAt": "2026-11-23T10:00:01+00:00", "attempts": 0,
              "sentAt": null, "reminderAt": null, "reminderSentAt": null, "expiresAt": null, "deliveredAt": null,
              "openedAt": null, "answeredAt": null, "cancelledAt": null, "failureReason": null,
              "delivery": "email", "answerUrl": null, "scoreUrls": null
            }
            """,
        [("recordResponse", "201")] = """
            {
              "id": "phone-call-981", "surveyId": null, "templateId": "tpl_019ab3c4d5e67f80a1b2c3d4e5f60718", "kind": "csat",
              "score": 2, "comment": "Friendly, but it took three days.", "locale": "sk", "customerId": "c-17", "subjectId": "ticket-42",
              "channel": "phone", "properties": { "agent": "maria" },
              "answeredAt": "2026-11-23T14:05:00+00:00", "updatedAt": "2026-11-23T14:06:10+00:00", "reasons": ["slow_response"]
            }
            """,
        [("getScore", "200")] = """
            {
              "kind": "csat", "from": "2026-10-25", "to": "2026-11-24", "responses": 120, "score": 81.7,
              "promoters": null, "passives": null, "detractors": null, "satisfied": 98, "mean": null,
              "confidence95": { "low": 73.8, "high": 87.6 }, "smallSample": false, "sent": 400, "responseRate": 0.3,
              "source": "rollups",
              "series": [
                { "start": "2026-11-16", "responses": 31, "score": 83.9, "confidence95": { "low": 67.4, "high": 92.9 },
                  "smallSample": false, "sent": 98, "responseRate": 0.245, "partial": false }
              ],
              "groups": [
                { "key": "delivery", "responses": 52, "score": 76.9, "confidence95": { "low": 63.9, "high": 86.3 }, "smallSample": false,
                  "sent": 170, "responseRate": 0.306, "other": false, "none": false },
                { "key": "(none)", "responses": 8, "score": 87.5, "confidence95": { "low": 52.9, "high": 97.8 }, "smallSample": true,
                  "sent": 20, "responseRate": 0.4, "other": false, "none": true }
              ],
              "previous": { "from": "2026-09-25", "to": "2026-10-25", "responses": 110, "score": 78.2,
                "confidence95": { "low": 69.6, "high": 84.8 }, "smallSample": false, "sent": 380, "responseRate": 0.289 },
              "change": { "score": 3.5, "significant": false }
            }
            """,
        [("listThemes", "200")] = """
            {
              "kind": "csat", "from": "2026-10-25", "to": "2026-11-24", "segment": "low", "comments": 812, "segmentComments": 301,
              "source": "counts",
              "themes": [
                { "term": "zwrot", "locale": "pl", "segmentCount": 41, "otherCount": 3, "z": 6.12,
                  "examples": ["rsp_019ab3c6a1b27c3d8e4f5a6b7c8d9e0f"] },
                { "term": "courier late", "locale": "en", "segmentCount": 17, "otherCount": 1, "z": 3.87,
                  "examples": ["rsp_019ab3c6b2c38d4e9f5a6b7c8d9e0f1a"] }
              ]
            }
            """,
        [("addSuppression", "201")] = """{ "email": "jan@example.sk", "reason": "asked by phone", "source": "api", "createdAt": "2026-11-23T15:00:00+00:00" }""",
        [("createWebhook", "201")] = """
            {
              "id": "whk_019ab3c80c1d7e2f8a3b4c5d6e7f8091", "url": "https://hooks.example.com/detractors", "events": ["response.created"],
              "minScore": null, "maxScore": 2, "createdAt": "2026-11-23T10:05:00+00:00",
              "secret": "whsec_Zx8cV2bN5mQ1wE4rT7yU0iO3pA6sD9fG2hJ5kL8zX1c"
            }
            """,
    };
}
