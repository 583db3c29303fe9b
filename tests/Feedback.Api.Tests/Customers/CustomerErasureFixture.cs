using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Answers;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Surveys;
using Microsoft.Data.Sqlite;

namespace Feedback.Api.Tests.Customers;

/// <summary>
/// Two customers who were each sent a survey, answered it on the page with a comment, and answered once more by phone;
/// tests erase customer A and look at what is left, in the API and in every column of the SQLite file.
/// </summary>
public abstract class CustomerErasureFixture : AnswerPagesFixture
{
    protected sealed record Person(string Id, string Email, string Name, string PageComment, string PhoneComment);

    protected static readonly Person A = new("cus-alzbeta", "alzbeta.zmazana@example.sk", "Alžbeta Zmazaná", "Kuriér meškal dve hodiny", "Volala som trikrát");
    protected static readonly Person B = new("cus-bohdan", "bohdan.ostava@example.sk", "Bohdan Ostáva", "Všetko v poriadku", "Rýchla pomoc po telefóne");

    /// <summary>A's survey as it was sent (with the token of its answer link).</summary>
    protected Survey SurveyOfA { get; private set; } = null!;

    protected async Task ArrangeTwoCustomersAsync()
    {
        await CreateTemplateAsync();
        SurveyOfA = await AnswerAsync(A, "evt-a", score: 2);
        await AnswerAsync(B, "evt-b", score: 5);
    }

    protected Task<HttpResponseMessage> EraseAsync(string customerId) => Admin.DeleteAsync($"/v1/customers/{Uri.EscapeDataString(customerId)}");

    protected async Task<JsonObject> EraseOkAsync(string customerId)
    {
        var response = await EraseAsync(customerId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>
    /// Every table and column of the database (read through SQLite, so rows still in the WAL count) holding
    /// <paramref name="text"/> as it is or as JSON escapes it (System.Text.Json writes 'á' as \u00E1 in JSON columns).
    /// </summary>
    protected List<string> StoredPlacesOf(string text)
    {
        var escaped = JsonSerializer.Serialize(text)[1..^1];
        return [.. PlacesOf(text).Union(PlacesOf(escaped))];
    }

    private List<string> PlacesOf(string text)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Factory.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        var places = new List<string>();
        foreach (var table in Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
        {
            foreach (var column in Strings(connection, $"SELECT name FROM pragma_table_info('{table}')"))
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT count(*) FROM \"{table}\" WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower($text)) > 0";
                command.Parameters.AddWithValue("$text", text);
                if (Convert.ToInt64(command.ExecuteScalar()) > 0)
                {
                    places.Add($"{table}.{column}");
                }
            }
        }
        Assert.Contains("surveys", Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"));
        return places;
    }

    private async Task<Survey> AnswerAsync(Person person, string eventId, int score)
    {
        var survey = await SendSurveyAsync(eventId, email: person.Email, change: e =>
        {
            e["customer"]!["id"] = person.Id;
            e["customer"]!["name"] = person.Name;
        });
        Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync($"/s/{survey.Token}?score={score}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync($"/s/{survey.Token}", ("score", $"{score}"), ("comment", person.PageComment))).StatusCode);
        var phone = ResponseBodies.Phone($"phone-{person.Id}", survey.TemplateId, score: score, comment: person.PhoneComment, customerId: person.Id);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/v1/responses", phone)).StatusCode);
        return survey;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
