package example;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.instances.Examples;
import io.fabricplan.jobs.JobListener;
import io.fabricplan.jobs.JobRejectedException;
import io.fabricplan.jobs.JobStatus;
import io.fabricplan.jobs.PlanningJob;
import io.fabricplan.jobs.PlanningService;
import io.fabricplan.model.Instance;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Quotes README's tiny fabric as a job: submit, hear of better plans, wait with a timeout, check the plan. */
public final class PlanWithJobs {
    private PlanWithJobs() {
    }

    public static void main(String[] args) throws Exception {
        quote(Examples.tiny(), System.out);
    }

    static void quote(Instance fabric, PrintStream out) throws Exception {
        SolveOptions options = SolveOptions.from(fabric.settings()).withTimeLimitSeconds(30).withSeed(1);
        JobListener progress = new JobListener() {            // called from the solver threads
            @Override
            public void onNewBest(JobStatus s) {
                System.err.printf(Locale.ROOT, "%s %.1f s: best %.2f, bound %.2f%n", s.id(), s.elapsedSeconds(),
                        s.bestObjective(), s.bound());
            }
        };
        try (PlanningService service = PlanningService.builder()   // no static state: one per application
                .parallelism(2).threadsPerSolve(1)                  // two solves at once, one solver thread each
                .queueCapacity(50)                                  // the 53rd active job is refused
                .expireAfter(Duration.ofMinutes(30))                // finished jobs are kept 30 minutes
                .build()) {
            PlanningJob job;
            try {
                job = service.submit("quote-1", fabric, options, progress);      // returns at once, QUEUED
            } catch (JobRejectedException e) {                  // QUEUE_FULL (see retryAfter()), DUPLICATE_ID, CLOSED
                out.println(e.reason() + ": " + e.getMessage());
                return;
            }
            PlanResult result = job.result(Duration.ofSeconds(60));   // TimeoutException if not done by then
            JobStatus status = service.status("quote-1");             // also while queued or solving
            out.println(status.state() + " " + status.message());
            if (result.status().hasPlan()) {
                out.println(new PlanChecker(fabric).check(result.plan()).passed() ? "check passed" : "check failed");
            }
        }
    }
}
