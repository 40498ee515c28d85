using System.Security.Cryptography;
using System.Text;
using Broadsheet.Infrastructure.RateLimiting;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// Slows down guessing and mail-bombing through the account forms. Everything is counted twice: per
/// client address (Connection.RemoteIpAddress) and per account, where "account" is the e-mail address
/// typed (hashed), so an address without an account is throttled exactly like one with: the limits
/// tell nobody who has an account. Counts live in <see cref="WindowTally"/>, shared by every node.
/// <para>
/// Guesses (passwords, two-step codes) are counted when they fail. An address past its limit waits
/// for its window to close. An account past its limit is never locked: each further guess waits for
/// a slot, <see cref="AccountThrottleOptions.FirstDelay"/> doubling up to
/// <see cref="AccountThrottleOptions.MaxDelay"/>, so an attacker gets about one guess a minute however
/// many addresses they use, and a browser that has signed in to the account before (<see cref="KnownDevice"/>)
/// skips the per-account wait: the owner is not slowed by the attacker.
/// </para>
/// </summary>
public sealed class AccountThrottle(WindowTally tally, AccountThrottleOptions options)
{
    private AccountThrottleOptions Limits => options;

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The account part of the counters' keys: a hash, so Redis never holds the address itself.</summary>
    public static string KeyOf(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Infrastructure.Mail.MailAddresses.Normalise(email).ToLowerInvariant())))[..32];

    /// <summary>Before checking a password or a code: null to go ahead, or how long to wait.</summary>
    public async Task<TimeSpan?> BeforeGuessAsync(Guess guess, string address, string account, bool knownDevice)
    {
        var (perAddress, perAccount) = LimitsFor(guess);
        var here = await tally.ReadAsync($"{guess}-address", address, perAddress.Window);
        if (here.Used >= perAddress.Count) return here.ClosesIn;
        if (knownDevice) return null;
        var failures = await tally.ReadAsync($"{guess}-account", account, perAccount.Window);
        if (failures.Used < perAccount.Count) return null;
        // One guess per slot, whoever makes it. The failure that brought the account here already
        // took the slot it fell in (FailedAsync), so the next guess waits for that slot to close.
        var slot = await TakeSlotAsync(guess, account, failures.Used - perAccount.Count);
        return slot.Used <= 1 ? null : slot.ClosesIn;
    }

    public async Task FailedAsync(Guess guess, string address, string account)
    {
        var (perAddress, perAccount) = LimitsFor(guess);
        await tally.AddAsync($"{guess}-address", address, perAddress.Window);
        var failures = await tally.AddAsync($"{guess}-account", account, perAccount.Window);
        if (failures.Used >= perAccount.Count) await TakeSlotAsync(guess, account, failures.Used - perAccount.Count);
    }

    /// <summary>Slots last <see cref="AccountThrottleOptions.FirstDelay"/> doubled for each failure past the count; their length is part of their key.</summary>
    private Task<WindowCount> TakeSlotAsync(Guess guess, string account, long over)
    {
        var delay = DelayAfter(over);
        return tally.AddAsync($"{guess}-slot", $"{account}:{(long)delay.TotalSeconds}", delay);
    }

    /// <summary>Before a form that mails (every try counts): null to go ahead, or how long to wait.</summary>
    public async Task<TimeSpan?> BeforeMailAsync(Mailing mailing, string address, string account)
    {
        var (perAddress, perAccount) = mailing switch
        {
            Mailing.Forgot => (Limits.ForgotPerAddress, Limits.ForgotPerAccount),
            Mailing.SignUp => (Limits.SignUpPerAddress, Limits.SignUpPerAccount),
            _ => (Limits.ResendPerAddress, Limits.ResendPerAccount),
        };
        var here = await tally.AddAsync($"{mailing}-address", address, perAddress.Window);
        if (here.Used > perAddress.Count) return here.ClosesIn;
        var there = await tally.AddAsync($"{mailing}-account", account, perAccount.Window);
        return there.Used > perAccount.Count ? there.ClosesIn : null;
    }

    private TimeSpan DelayAfter(long over)
    {
        var first = Limits.FirstDelay.TotalSeconds;
        var seconds = Math.Min(Limits.MaxDelay.TotalSeconds, first * Math.Pow(2, Math.Min(over, 30)));
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(seconds)));
    }

    private (ThrottleLimit PerAddress, ThrottleLimit PerAccount) LimitsFor(Guess guess) => guess == Guess.TwoStep
        ? (Limits.TwoStepPerAddress, Limits.TwoStepPerAccount)
        : (Limits.SignInPerAddress, Limits.SignInPerAccount);

    public enum Guess { SignIn, TwoStep }

    public enum Mailing { Forgot, SignUp, Resend }
}
