using Broadsheet.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Broadsheet.Features.Newsroom;

/// <summary>
/// Sends administrators and editors without a passkey or two-step sign-in to the security page, where they add one,
/// when the site requires it (<see cref="StrongSignIn"/>). Every other newsroom screen waits until they have.
/// </summary>
public sealed class StrongSignInGate(StrongSignIn rule, UserManager<Account> accounts) : IAsyncPageFilter
{
    public const string EnrolPath = "/newsroom/security";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (context.ActionDescriptor.ViewEnginePath != "/Newsroom/Security" && rule.AppliesTo(user)
            && await accounts.GetUserAsync(user) is { } account && !await rule.IsMetByAsync(account))
        {
            context.Result = new RedirectResult(EnrolPath);
            return;
        }
        await next();
    }
}
