using Broadsheet.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Support;

/// <summary>Staff accounts for tests, signed in through the real sign-in form.</summary>
public static class Staff
{
    public const string Password = "correct horse battery staple";

    public static async Task<Account> AccountAsync(this BroadsheetApp app, string? role, string? email = null)
    {
        email ??= $"{role?.ToLowerInvariant() ?? "nobody"}-{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = email, Email = email, DisplayName = role ?? "Nobody" };
        Check(await accounts.CreateAsync(account, Password));
        if (role is not null) Check(await accounts.AddToRoleAsync(account, role));
        return account;
    }

    /// <summary>A client with its own cookies, signed in as a new account in <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(this BroadsheetApp app, string? role) =>
        await app.SignedInAsync(await app.AccountAsync(role));

    public static async Task<HttpClient> SignedInAsync(this BroadsheetApp app, Account account)
    {
        var client = app.Reader();
        using var response = await client.SubmitAsync("/account/sign-in", null, ("Input.Email", account.Email), ("Input.Password", Password));
        if ((int)response.StatusCode != 302)
            throw new Xunit.Sdk.XunitException($"Sign-in as {account.Email} answered {(int)response.StatusCode}");
        return client;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
