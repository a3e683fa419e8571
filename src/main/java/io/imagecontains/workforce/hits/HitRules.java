package io.imagecontains.workforce.hits;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** MTurk's preconditions, each failing with the {@link TurkError} MTurk would answer. */
final class HitRules {
  private static final Duration MIN_DURATION = Duration.ofSeconds(30);
  private static final Duration MAX_DURATION = Duration.ofDays(365);
  private static final int MAX_ANNOTATION = 255;
  private static final int MAX_QUESTION_BYTES = 65_535;

  private HitRules() {}

  static void validate(HitRequest r) {
    require(r.title(), "Title");
    require(r.description(), "Description");
    require(r.question(), "Question");
    if (r.reward() == null || r.reward().signum() < 0 || r.reward().scale() > 2) {
      throw outOfRange("Reward must be a non-negative amount in dollars and cents.");
    }
    if (r.maxAssignments() < 1 || r.maxAssignments() > 1_000_000) {
      throw outOfRange("MaxAssignments must be 1 to 1000000.");
    }
    checkDuration(r.lifetime(), "LifetimeInSeconds");
    checkDuration(r.assignmentDuration(), "AssignmentDurationInSeconds");
    if (r.autoApprovalDelay().isNegative()
        || r.autoApprovalDelay().compareTo(Duration.ofDays(30)) > 0) {
      throw outOfRange("AutoApprovalDelayInSeconds must be 0 to 2592000.");
    }
    if (r.requesterAnnotation() != null && r.requesterAnnotation().length() > MAX_ANNOTATION) {
      throw outOfRange("RequesterAnnotation must be at most 255 characters.");
    }
    if (r.question().getBytes(StandardCharsets.UTF_8).length > MAX_QUESTION_BYTES) {
      throw outOfRange("Question must be at most 65535 bytes.");
    }
    RequestTokens.validate(r.uniqueRequestToken());
  }

  /** A HIT created with fewer than 10 assignments can never reach 10 (the fee changes at 10). */
  static void checkExtension(Hit hit, int additional, int threshold) {
    checkNotDisposed(hit);
    if (additional < 1 || additional > 1_000_000) {
      throw outOfRange("NumberOfAdditionalAssignments must be 1 to 1000000.");
    }
    int created = hit.request().maxAssignments();
    if (created < threshold && hit.maxAssignments() + additional >= threshold) {
      throw new TurkError(
          TurkError.INVALID_MAX_INCREASE,
          "HIT "
              + hit.id()
              + " was created with fewer than 10 assignments and cannot be extended to 10 or more"
              + " (it has "
              + hit.maxAssignments()
              + ").");
    }
  }

  /** Only a reviewable HIT whose submitted assignments were all approved or rejected. */
  static void checkDeletable(Hit hit, Instant now) {
    HitStatus status = hit.status(now);
    if (status != HitStatus.Reviewable && status != HitStatus.Reviewing) {
      throw new TurkError(
          TurkError.INVALID_HIT_STATE,
          "HIT " + hit.id() + " is " + status + "; only a Reviewable HIT can be deleted.");
    }
    long unreviewed =
        hit.assignments().stream().filter(a -> a.status() == AssignmentStatus.Submitted).count();
    if (unreviewed > 0) {
      throw new TurkError(
          TurkError.INVALID_HIT_STATE,
          "HIT "
              + hit.id()
              + " has "
              + unreviewed
              + " submitted assignments not yet approved or"
              + " rejected.");
    }
  }

  static void checkStatus(Hit hit, Instant now, HitStatus required) {
    if (hit.status(now) != required) {
      throw new TurkError(
          TurkError.INVALID_HIT_STATE,
          "HIT "
              + hit.id()
              + " is "
              + hit.status(now)
              + "; this operation needs "
              + required
              + ".");
    }
  }

  static void checkNotDisposed(Hit hit) {
    if (hit.isDisposed()) {
      throw new TurkError(TurkError.INVALID_HIT_STATE, "HIT " + hit.id() + " is Disposed.");
    }
  }

  static TurkError wrongAssignmentState(Assignment a, String allowed) {
    return new TurkError(
        TurkError.INVALID_ASSIGNMENT_STATE,
        "This operation can be called with a status of: "
            + allowed
            + " (assignment "
            + a.id()
            + " is "
            + a.status()
            + ").");
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new TurkError(TurkError.MISSING_PARAMETERS, "No value provided for " + name + ".");
    }
  }

  private static void checkDuration(Duration d, String name) {
    if (d == null) {
      throw new TurkError(TurkError.MISSING_PARAMETERS, "No value provided for " + name + ".");
    }
    if (d.compareTo(MIN_DURATION) < 0 || d.compareTo(MAX_DURATION) > 0) {
      throw outOfRange(name + " must be 30 to 31536000.");
    }
  }

  private static TurkError outOfRange(String message) {
    return new TurkError(TurkError.PARAMETER_OUT_OF_RANGE, message);
  }
}
