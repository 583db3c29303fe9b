using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Customers;

public sealed class CustomerErasureTests : CustomerErasureFixture
{
    [Fact]
    public async Task ErasureLeavesNoEmailNameOrCommentOfTheCustomerInAnyTable()
    {
        await ArrangeTwoCustomersAsync();
        string[] personal = [A.Email, A.Name, A.PageComment, A.PhoneComment, SurveyOfA.Token];
        // Found before, so finding nothing after is the erasure and not a blind search.
        Assert.All(personal, p => Assert.NotEmpty(StoredPlacesOf(p)));

        var erased = await EraseOkAsync(A.Id);

        Assert.Equal(A.Id, (string)erased["customerId"]!);
        Assert.Equal(1, (int)erased["surveys"]!);
        Assert.Equal(2, (int)erased["responses"]!);
        Assert.Equal(1, (int)erased["mailboxMessages"]!);
        Assert.All(personal, p => Assert.Empty(StoredPlacesOf(p)));
    }

    [Fact]
    public async Task ErasureKeepsAnotherCustomersDataIntact()
    {
        await ArrangeTwoCustomersAsync();

        await EraseOkAsync(A.Id);

        foreach (var kept in new[] { B.Email, B.Name, B.PageComment, B.PhoneComment })
        {
            Assert.True(StoredPlacesOf(kept).Count > 0, $"{kept} is no longer stored");
        }
        Assert.Contains(Mail, m => m.To == B.Email);
        var answers = await ListResponsesAsync(B.Id);
        Assert.All(answers, r => Assert.NotNull(r["comment"]));
    }

    [Fact]
    public async Task ErasedCustomersAnswersKeepTheirScoresWithoutComments()
    {
        await ArrangeTwoCustomersAsync();

        await EraseOkAsync(A.Id);

        var answers = await ListResponsesAsync(A.Id);
        Assert.Equal(2, answers.Count);
        Assert.All(answers, r => Assert.Equal(2, (int)r["score"]!));
        Assert.All(answers, r => Assert.Null(r["comment"]));
    }

    [Fact]
    public async Task ErasedCustomersOldAnswerLinkAndMailAreGone()
    {
        await ArrangeTwoCustomersAsync();

        await EraseOkAsync(A.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync($"/s/{SurveyOfA.Token}")).StatusCode);
        Assert.DoesNotContain(Mail, m => string.Equals(m.To, A.Email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ASecondErasureAnswersZeros()
    {
        await ArrangeTwoCustomersAsync();
        await EraseOkAsync(A.Id);

        var again = await EraseOkAsync(A.Id);

        Assert.Equal(new JsonObject { ["customerId"] = A.Id, ["surveys"] = 0, ["responses"] = 0, ["followUps"] = 0, ["mailboxMessages"] = 0, ["webhookDeliveries"] = 0 }.ToJsonString(), again.ToJsonString());
    }

    [Fact]
    public async Task AnUnknownCustomerAnswersZerosLikeAnErasedOne()
    {
        var erased = await EraseOkAsync("cus-never-seen");

        Assert.Equal(0, (int)erased["surveys"]! + (int)erased["responses"]! + (int)erased["mailboxMessages"]!);
    }

    [Fact]
    public async Task ACustomerIdLongerThan200CharactersIsA400NamingIt()
    {
        var problem = await ProblemAssert.IsValidationProblemAsync(await EraseAsync(new string('c', 201)), "customerId");

        Assert.Contains("200", ProblemAssert.Message(problem, "customerId"));
    }

    [Fact]
    public async Task OnlyTheAdminScopeMayErase()
    {
        using var reader = await Factory.CreateClientAsync(ApiScope.Read);
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"/v1/customers/{A.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ingest.DeleteAsync($"/v1/customers/{A.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser.DeleteAsync($"/v1/customers/{A.Id}")).StatusCode);
    }

    private async Task<List<JsonObject>> ListResponsesAsync(string customerId)
    {
        var list = await Admin.GetFromJsonAsync<JsonObject>($"/v1/responses?customerId={customerId}");
        return [.. list!["items"]!.AsArray().Select(i => i!.AsObject())];
    }
}
