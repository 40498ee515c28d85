using System.Text.RegularExpressions;
using Broadsheet.Infrastructure.Mail;
using MimeKit;

namespace Broadsheet.Features.Newsletter;

/// <summary>What a reader sends to sign up, from the form or as JSON, before anyone trusts it.</summary>
public sealed partial class SignUpForm
{
    /// <summary>RFC 5321 caps a forward path at 256 octets, so 254 characters is the longest address that can be delivered.</summary>
    public const int MaxEmailLength = 254;
    public const int MaxRubrics = 50;
    private const int MaxFieldLength = 100;

    public string? Email { get; set; }
    public List<string>? Rubrics { get; set; }
    public string? Frequency { get; set; }
    public bool Alerts { get; set; }

    /// <summary>The form, checked: a message for the reader when it is not acceptable, and nothing is sent.</summary>
    public SignUpCheck Check()
    {
        var email = (Email ?? "").Trim();
        if (email.Length == 0) return SignUpCheck.Invalid(SignUpProblem.EmailRequired);
        if (email.Length > MaxEmailLength) return SignUpCheck.Invalid(SignUpProblem.EmailTooLong);
        // A line break in any field is a header-injection attempt: refused outright, never cleaned up and used.
        if (HasControl(email) || HasControl(Frequency) || (Rubrics ?? []).Any(HasControl)) return SignUpCheck.Invalid(SignUpProblem.LineBreaks);
        if (!IsDeliverable(email)) return SignUpCheck.Invalid(SignUpProblem.EmailInvalid);
        var rubrics = (Rubrics ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        if (rubrics.Count > MaxRubrics || rubrics.Any(r => r.Length > MaxFieldLength)) return SignUpCheck.Invalid(SignUpProblem.TooMuch);
        DigestFrequency frequency;
        if (string.IsNullOrWhiteSpace(Frequency)) frequency = DigestFrequency.Daily;
        else if (Frequency.Length > MaxFieldLength || !Enum.TryParse(Frequency.Trim(), ignoreCase: true, out frequency) || !Enum.IsDefined(frequency))
            return SignUpCheck.Invalid(SignUpProblem.FrequencyInvalid);
        return new SignUpCheck(new SignUp(Normalise(email), rubrics, frequency, Alerts), null);
    }

    public static string Normalise(string email) => MailAddresses.Normalise(email.ToLowerInvariant());

    /// <summary>
    /// MimeKit must read it as one bare mailbox (no display name, no group, no route), and it must
    /// look like something a mail server would deliver: a dot in the domain, no spaces or quotes.
    /// Letters of any script are fine (ольга@почта.рф); the domain is checked in its ASCII spelling.
    /// </summary>
    public static bool IsDeliverable(string email) =>
        MailboxAddress.TryParse(email, out var mailbox)
        && mailbox.Name is null or ""
        && string.Equals(MailAddresses.Normalise(mailbox.Address), MailAddresses.Normalise(email), StringComparison.OrdinalIgnoreCase)
        && MailAddresses.AsciiDomain(email) is { } domain
        && Plain().IsMatch(email[..email.LastIndexOf('@')] + "@" + domain);

    private static bool HasControl(string? value) => value is not null && value.Any(char.IsControl);

    [GeneratedRegex(@"^[\p{L}\p{M}\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Plain();
}

public sealed record SignUp(string Email, List<string> RubricSlugs, DigestFrequency Frequency, bool Alerts);

public sealed record SignUpCheck(SignUp? SignUp, SignUpProblem? Problem)
{
    public static SignUpCheck Invalid(SignUpProblem problem) => new(null, problem);
}

/// <summary>Why a sign-up was refused; the form's redirect carries it, so its name is part of a URL.</summary>
public enum SignUpProblem { EmailRequired, EmailTooLong, EmailInvalid, LineBreaks, TooMuch, FrequencyInvalid, TooManyAttempts }
