namespace Broadsheet.Features.Accounts;

/// <summary>
/// The "Broadsheet:Accounts:Throttle" section: how many tries the account forms take from one client
/// address and for one account (an e-mail address, whether it has an account or not) before 429.
/// </summary>
public sealed class AccountThrottleOptions
{
    public const string Section = "Broadsheet:Accounts:Throttle";

    /// <summary>Wrong passwords from one address, for any accounts, before it waits for the window to close.</summary>
    public ThrottleLimit SignInPerAddress { get; set; } = new() { Count = 20, Window = TimeSpan.FromMinutes(15) };
    /// <summary>Wrong passwords for one account, from anywhere, before each further try waits (<see cref="FirstDelay"/>, doubling).</summary>
    public ThrottleLimit SignInPerAccount { get; set; } = new() { Count = 5, Window = TimeSpan.FromHours(1) };
    public ThrottleLimit TwoStepPerAddress { get; set; } = new() { Count = 10, Window = TimeSpan.FromMinutes(15) };
    public ThrottleLimit TwoStepPerAccount { get; set; } = new() { Count = 5, Window = TimeSpan.FromHours(1) };

    /// <summary>The wait after the first failure past the per-account count; it doubles with each further one.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>The longest wait between tries for one account: a slowdown, never a lock.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Each of these sends mail: tries (not just failures) per address, and per address mailed to.</summary>
    public ThrottleLimit ForgotPerAddress { get; set; } = new() { Count = 5, Window = TimeSpan.FromMinutes(15) };
    public ThrottleLimit ForgotPerAccount { get; set; } = new() { Count = 3, Window = TimeSpan.FromHours(1) };
    public ThrottleLimit SignUpPerAddress { get; set; } = new() { Count = 5, Window = TimeSpan.FromHours(1) };
    public ThrottleLimit SignUpPerAccount { get; set; } = new() { Count = 3, Window = TimeSpan.FromHours(1) };
    public ThrottleLimit ResendPerAddress { get; set; } = new() { Count = 5, Window = TimeSpan.FromMinutes(15) };
    public ThrottleLimit ResendPerAccount { get; set; } = new() { Count = 3, Window = TimeSpan.FromHours(1) };
}

public sealed class ThrottleLimit
{
    public int Count { get; set; }
    public TimeSpan Window { get; set; }
}
