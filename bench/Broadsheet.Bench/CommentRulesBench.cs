using System.Diagnostics;
using System.Text;
using Broadsheet.Features.Moderation;

namespace Broadsheet.Bench;

/// <summary>
/// <c>comment-rules</c>: how long one comment takes to check against a large rule book
/// (1,000 word rules, plus phrases and patterns), in microseconds per check. No database, no server:
/// this times the rule book itself, which is what grows with the moderators' lists.
/// </summary>
public static class CommentRulesBench
{
    public static void Run(TextWriter output)
    {
        var random = new Random(4);
        string Word(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26)))]);

        output.WriteLine("rules (words/phrases/patterns) | comment length | µs per check (mean of 2,000) | p99 µs");
        foreach (var (words, phrases, patterns) in new[] { (1000, 0, 0), (1000, 100, 0), (1000, 100, 20), (5000, 500, 20) })
        {
            var rules = new List<CommentRule>();
            for (var i = 0; i < words; i++) rules.Add(new() { Kind = CommentRuleKind.Word, Pattern = Word(5 + i % 6), Action = i % 2 == 0 ? RuleAction.Hold : RuleAction.Refuse });
            for (var i = 0; i < phrases; i++) rules.Add(new() { Kind = CommentRuleKind.Phrase, Pattern = $"{Word(4)} {Word(5)} {Word(3)}" });
            for (var i = 0; i < patterns; i++) rules.Add(new() { Kind = CommentRuleKind.Pattern, Pattern = $@"\b{Word(4)}\w*\s+{Word(3)}" });
            var built = Stopwatch.StartNew();
            var book = new RuleBook(rules);
            built.Stop();
            foreach (var length in new[] { 300, 4000 })
            {
                var text = Comment(random, length);
                for (var i = 0; i < 200; i++) book.Check(text, "news.example", "", "");
                var times = new double[2000];
                for (var i = 0; i < times.Length; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    book.Check(text, "news.example", "", "");
                    times[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                }
                Array.Sort(times);
                output.WriteLine($"{words}/{phrases}/{patterns} | {length} | {times.Average():F1} | {times[(int)(times.Length * 0.99)]:F1}   (book built in {built.Elapsed.TotalMilliseconds:F1} ms)");
            }
        }
    }

    private static string Comment(Random random, int length)
    {
        string[] vocabulary = ["the", "council", "budget", "is", "late", "again", "and", "nobody", "explains", "why", "бюджет", "опять", "задерживается", "city", "roads,", "schools.", "I", "think"];
        var b = new StringBuilder();
        while (b.Length < length) b.Append(vocabulary[random.Next(vocabulary.Length)]).Append(random.Next(12) == 0 ? '\n' : ' ');
        return b.ToString(0, length);
    }
}
