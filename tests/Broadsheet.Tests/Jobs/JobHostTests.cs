using Broadsheet.Infrastructure.Jobs;
using Broadsheet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Jobs;

/// <summary>The one host every background job runs on: its log in an outage, due times on the clock, shutdown.</summary>
public sealed class JobHostTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private T Start<T>() where T : class, IJob
    {
        app.Replace = services => services.AddJob<T>();
        return app.Services.GetRequiredService<T>();
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Waited 10 s for {what}");
            await Task.Delay(20);
        }
    }

    private int Lines(string start) => app.Log.Lines.Count(l => l.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public async Task A_failing_job_is_logged_once_when_it_starts_failing_and_once_when_it_works_again()
    {
        var job = Start<FlakyJob>();
        job.Failing = true;
        await WaitForAsync(() => job.Passes >= 5, "five failed passes");

        Assert.Equal(1, Lines("Job flaky failed"));
        Assert.Equal(0, Lines("Job flaky works again"));

        job.Failing = false;
        var failed = job.Passes;
        await WaitForAsync(() => job.Passes >= failed + 3, "three good passes");
        Assert.Equal(1, Lines("Job flaky failed"));
        Assert.Equal(1, Lines("Job flaky works again"));
    }

    [Fact]
    public async Task A_job_due_at_a_time_runs_when_the_clock_reaches_it()
    {
        var job = Start<HourlyJob>();
        await WaitForAsync(() => job.Passes == 1, "the pass at start");
        await Task.Delay(1500);
        Assert.Equal(1, job.Passes);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await WaitForAsync(() => job.Passes == 2, "the pass an hour later");
    }

    [Fact]
    public async Task Shutdown_cancels_the_pass_under_way_waits_for_it_and_gives_the_job_its_last_word()
    {
        var job = Start<EndlessJob>();
        await WaitForAsync(() => job.Running, "the pass to begin");

        app.Dispose();

        Assert.True(job.Cancelled, "the pass under way was not cancelled");
        Assert.True(job.Ended, "the host did not wait for the pass to end");
        Assert.True(job.Stopped, "the job did not get its last word");
    }

    public sealed class FlakyJob : IJob
    {
        private int passes;
        private volatile bool failing;
        public bool Failing { get => failing; set => failing = value; }
        public int Passes => Volatile.Read(ref passes);
        public string Name => "flaky";
        public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMilliseconds(50));
        public bool OnOneNode => false;

        public Task RunAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref passes);
            return failing ? throw new IOException("No space left on device") : Task.CompletedTask;
        }
    }

    public sealed class HourlyJob : IJob
    {
        private int passes;
        public int Passes => Volatile.Read(ref passes);
        public string Name => "hourly";
        public JobSchedule Schedule { get; } = JobSchedule.At((last, _) => ValueTask.FromResult(last.AddHours(1)), TimeSpan.FromMinutes(1));
        public bool OnOneNode => false;

        public Task RunAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref passes);
            return Task.CompletedTask;
        }
    }

    public sealed class EndlessJob : IJob
    {
        private volatile bool running, cancelled, ended, stopped;
        public bool Running => running;
        public bool Cancelled => cancelled;
        public bool Ended => ended;
        public bool Stopped => stopped;
        public string Name => "endless";
        public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromHours(1));
        public bool OnOneNode => true;

        public async Task RunAsync(CancellationToken ct)
        {
            running = true;
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { cancelled = true; throw; }
            finally
            {
                await Task.Delay(200, CancellationToken.None);
                ended = true;
            }
        }

        public Task StoppedAsync(CancellationToken ct)
        {
            stopped = ended;
            return Task.CompletedTask;
        }
    }
}
