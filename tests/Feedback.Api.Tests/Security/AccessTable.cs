namespace Feedback.Api.Tests.Security;

/// <summary>
/// Who may call what: one row per route of the running service (as the route table spells it) and the status each
/// caller gets. <c>ok</c> means "past authentication and authorization": any status but 401, 403 and 5xx.
/// A route without a row fails <see cref="AccessTableTests.EveryRouteHasARowAndEveryRowARoute"/>: add its row here.
/// </summary>
public static class AccessTable
{
    public static readonly string[] Callers = ["none", "revoked", "admin", "ingest", "read"];

    private const string Anonymous = "ok  ok  ok  ok  ok";
    private const string AdminOnly = "401 401 ok 403 403";
    private const string IngestScope = "401 401 ok ok  403";
    private const string ReadScope = "401 401 ok 403 ok";

    public static readonly (string Route, string Statuses)[] Rows =
    [
        ("GET /", Anonymous),
        ("GET /healthz", Anonymous),
        ("GET /readyz", Anonymous),
        ("GET /metrics", Anonymous),
        ("GET /openapi/{documentName}.json", Anonymous),
        ("GET /s/{token}", Anonymous),
        ("POST /s/{token}", Anonymous),
        ("GET /u/{token}", Anonymous),
        ("POST /u/{token}", Anonymous),
        ("POST /webhooks/sendgrid", Anonymous),
        ("GET /dev/mailbox", Anonymous),
        ("GET /dashboard/", Anonymous),
        ("GET /dashboard/{file}", Anonymous),
        ("GET /v1/dev/mailbox", AdminOnly),

        ("POST /v1/api-keys/", AdminOnly),
        ("GET /v1/api-keys/", AdminOnly),
        ("GET /v1/api-keys/{id}", AdminOnly),
        ("DELETE /v1/api-keys/{id}", AdminOnly),

        ("POST /v1/templates/", AdminOnly),
        ("GET /v1/templates/", ReadScope),
        ("GET /v1/templates/{id}", ReadScope),
        ("PUT /v1/templates/{id}", AdminOnly),
        ("DELETE /v1/templates/{id}", AdminOnly),
        ("POST /v1/templates/{id}/preview", ReadScope),
        ("GET /v1/templates/{id}/versions", ReadScope),
        ("GET /v1/templates/{id}/versions/{version:int}", ReadScope),

        ("POST /v1/events/", IngestScope),
        ("POST /v1/events/batch", IngestScope),

        ("POST /v1/surveys/", IngestScope),
        ("GET /v1/surveys/", ReadScope),
        ("GET /v1/surveys/{id}", ReadScope),
        ("DELETE /v1/surveys/{id}", IngestScope),
        ("DELETE /v1/surveys/", IngestScope),

        ("GET /v1/responses", ReadScope),
        ("GET /v1/responses.csv", ReadScope),
        ("GET /v1/responses/{id}", ReadScope),
        ("POST /v1/responses", IngestScope),

        ("GET /v1/suppressions/", ReadScope),
        ("GET /v1/suppressions/{email}", ReadScope),
        ("POST /v1/suppressions/", IngestScope),
        ("DELETE /v1/suppressions/{email}", AdminOnly),

        ("DELETE /v1/customers/{customerId}", AdminOnly),
        ("POST /v1/admin/backup", AdminOnly),

        ("GET /v1/scores/{kind:regex(^(nps|csat|ces)$)}", ReadScope),
        ("POST /v1/scores/rollups/rebuild", AdminOnly),

        ("GET /v1/themes/", ReadScope),
        ("GET /v1/themes/comments", ReadScope),
        ("POST /v1/themes/rebuild", AdminOnly),

        ("GET /v1/followups/", ReadScope),
        ("GET /v1/followups/stats", ReadScope),
        ("GET /v1/followups/{id}", ReadScope),
        ("PATCH /v1/followups/{id}", IngestScope),

        ("POST /v1/webhooks/", AdminOnly),
        ("GET /v1/webhooks/", AdminOnly),
        ("GET /v1/webhooks/{id}", AdminOnly),
        ("DELETE /v1/webhooks/{id}", AdminOnly),
        ("GET /v1/webhooks/{id}/deliveries", AdminOnly),
    ];

    /// <summary>Every (route, caller, expected) triple of the table.</summary>
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (route, statuses) in Rows)
        {
            var cells = statuses.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Callers.Length; i++)
            {
                data.Add(route, Callers[i], cells[i]);
            }
        }
        return data;
    }
}
