package io.imagecontains.adjudication;

import java.util.Objects;

/**
 * One worker's answer to one task, as merged by the core from MTurk assignments.
 *
 * @param workerId the MTurk worker id; reliability is learned per worker
 * @param assignmentId the MTurk assignment id; answers are deduplicated on it and the used ones are
 *     approved
 * @param containsTarget what the worker answered
 */
public record WorkerAnswer(String workerId, String assignmentId, boolean containsTarget) {

  public WorkerAnswer {
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(assignmentId, "assignmentId");
  }
}
