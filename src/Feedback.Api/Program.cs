var builder = WebApplication.CreateBuilder(DemoExtensions.WithoutDemoSwitch(args));

// Core decides every rule; the adapters chosen by configuration store and send; the host adds HTTP, jobs and telemetry.
builder.Services.AddFeedbackCore();
builder.Services.AddFeedbackStorage(builder.Configuration);
builder.Services.AddEmail(builder.Configuration);
builder.AddFeedbackHosting(args);

var app = builder.Build();

// Headers and error mapping run first so that every later answer, a 401 or a 429 too, carries them.
app.UseSecurityHeaders();
app.UseFeedbackErrors();
app.UseFeedbackRateLimits();
app.UseAuthentication();
app.UseAuthorization();

app.MapFeedbackFeatures();

return await app.RunUntilStoppedAsync();
