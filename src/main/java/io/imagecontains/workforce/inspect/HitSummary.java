package io.imagecontains.workforce.inspect;

import java.time.Instant;
import java.util.List;

/**
 * A HIT as tests and benchmarks see it: its task key, status, what it asks and the true answer, and
 * its assignments. An immutable snapshot.
 *
 * @param truth whether the image really contains the label, or null if the HIT names no subject
 */
public record HitSummary(
    String hitId,
    String taskKey,
    String status,
    int maxAssignments,
    Instant created,
    Instant expiration,
    String url,
    String label,
    Boolean truth,
    List<AssignmentSummary> assignments) {

  /**
   * One assignment; accepted-but-open and abandoned ones are included, unlike on the API.
   *
   * @param value the FreeText of the answer as submitted (e.g. {@code yes}), read naively for
   *     scoring; null when not submitted or not of that shape (poisoned answers)
   */
  public record AssignmentSummary(
      String assignmentId, String workerId, String status, Instant submitted, String value) {}
}
