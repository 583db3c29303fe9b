using Feedback.Core.Common;

namespace Feedback.Core.Tests.Common;

public sealed class ValidationErrorsTests
{
    [Theory]
    [InlineData("customer", true)]
    [InlineData("customer.email", true)]
    [InlineData("customer.address.city", true)]
    [InlineData("events[2]", false)]
    [InlineData("customerId", false)]
    [InlineData("customers", false)]
    [InlineData("subjectId", false)]
    public void SettledFieldDropsLaterMessagesForItAndWhatIsInsideIt(string field, bool dropped)
    {
        var errors = new ValidationErrors();
        errors.Add("customer", "must be an object");
        errors.Settle("customer");

        errors.Add(field, "is required");

        Assert.Equal(dropped ? 1 : 2, errors.Count);
        Assert.Equal(["must be an object"], errors.ToDictionary()["customer"]);
    }

    [Fact]
    public void SettledListDropsMessagesForItsItems()
    {
        var errors = new ValidationErrors();
        errors.Add("scopes[1]", "must be one of admin, ingest or read");
        errors.Settle("scopes[1]");
        errors.Settle("scopes");

        errors.Add("scopes", "must list at least one scope");
        errors.Add("scopes[0]", "is unknown");
        errors.AddRange(Other("scopes[1]", "is unknown"));
        errors.AddRange(Other("name", "is required"));

        Assert.Equal(["name", "scopes[1]"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    private static ValidationErrors Other(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return errors;
    }
}
