/**
 * Planning jobs for tools that embed the planner (quoting tools, the HTTP service): {@link
 * io.fabricplan.jobs.PlanningService} queues submitted instances, solves a bounded number at once, reports each
 * job's {@link io.fabricplan.jobs.JobStatus} and progress, cancels with the best plan found, and forgets finished
 * jobs after a while. A {@link io.fabricplan.jobs.JobStore} keeps jobs across restarts ({@link
 * io.fabricplan.jobs.FileJobStore}: a directory).
 */
package io.fabricplan.jobs;
