namespace Broadsheet.Features.Accounts;

/// <summary>
/// The consent to the processing of personal data a reader gives at sign-up. The version names the
/// wording on the sign-up page (ReaderAccountText's Consent words and the privacy policy they link to):
/// change it whenever either changes, so each account records which text its owner agreed to.
/// </summary>
public static class ProcessingConsent
{
    public const string Version = "2026-12-02";
    public const string PrivacyPath = "/privacy";
    public const string RulesPath = "/comment-rules";
}
