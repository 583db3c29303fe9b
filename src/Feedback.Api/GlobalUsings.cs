global using Feedback.Api.Features;
global using Feedback.Api.Hosting;
global using Feedback.Api.Hosting.Demo;
global using Feedback.Api.Hosting.Errors;
global using Feedback.Api.Hosting.Security;
global using Feedback.Api.Hosting.Storage;
global using Feedback.Core;
global using Feedback.Email.SendGrid;
