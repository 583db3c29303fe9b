using Feedback.Api.ApiKeys;
using Feedback.Api.Auth;
using Feedback.Api.Errors;
using Feedback.Api.Operations;
using Feedback.Api.Storage;
using Feedback.Api.Templates;

var builder = WebApplication.CreateBuilder(args);

builder.AddFeedbackHost();
builder.Services.AddFeedbackStorage(builder.Configuration);
builder.Services.AddApiKeyAuth();
builder.Services.AddFeedbackErrors();
builder.Services.AddFeedbackOpenApi();

var app = builder.Build();

app.UseFeedbackErrors();
app.UseAuthentication();
app.UseAuthorization();

app.MapOperationsApi();
app.MapApiKeysApi();
app.MapTemplatesApi();

return await app.RunUntilStoppedAsync();
