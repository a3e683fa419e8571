package io.imagecontains.mturk;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What the core asks the MTurk gateway to do, on the internal hit-commands topic (key {@code
 * function/taskName}). The gateway answers each with a {@link HitEvent}. Delivery is at least once:
 * every mutating command carries what makes it idempotent at MTurk (a {@code UniqueRequestToken})
 * or is harmless to repeat.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HitCommand.CreateHit.class, name = "CreateHit"),
  @JsonSubTypes.Type(value = HitCommand.ListAssignments.class, name = "ListAssignments"),
  @JsonSubTypes.Type(value = HitCommand.AddAssignments.class, name = "AddAssignments"),
  @JsonSubTypes.Type(value = HitCommand.Approve.class, name = "Approve"),
  @JsonSubTypes.Type(value = HitCommand.ExpireHit.class, name = "ExpireHit"),
  @JsonSubTypes.Type(value = HitCommand.DeleteHit.class, name = "DeleteHit"),
  @JsonSubTypes.Type(value = HitCommand.ExcludeWorker.class, name = "ExcludeWorker"),
})
public sealed interface HitCommand {

  /** The task ({@code function/taskName}) the command is for; also its Kafka key. */
  String taskKey();

  /**
   * Create the task's HIT. {@code token} is the UniqueRequestToken: derived from the task key and
   * the creating command, so a repeated create finds the same HIT ({@code HitAlreadyExists}).
   */
  record CreateHit(String taskKey, String token, String imageUrl, String label, int maxAssignments)
      implements HitCommand {}

  /** Read the HIT's submitted assignments and status. */
  record ListAssignments(String taskKey, String hitId) implements HitCommand {}

  /** Ask for {@code count} more answers; {@code token} is unique per task and extension round. */
  record AddAssignments(String taskKey, String hitId, int round, String token, int count)
      implements HitCommand {}

  /** Approve (pay for) these submitted assignments. */
  record Approve(String taskKey, String hitId, List<String> assignmentIds) implements HitCommand {}

  /** Stop offering the HIT's remaining assignments (expire it now). */
  record ExpireHit(String taskKey, String hitId) implements HitCommand {}

  /** Delete the HIT once MTurk allows it (expired or reviewable, all assignments reviewed). */
  record DeleteHit(String taskKey, String hitId) implements HitCommand {}

  /**
   * Keep a worker whose answers tell nothing off our HITs (see the gateway's WorkerExclusion). Not
   * about one task: its key is {@link #key(String)} of the worker, and no event answers it.
   */
  record ExcludeWorker(String taskKey, String workerId) implements HitCommand {

    public static ExcludeWorker of(String workerId) {
      return new ExcludeWorker(key(workerId), workerId);
    }

    /** The Kafka key of a worker's exclusion: not a task key (those have one slash, no colon). */
    public static String key(String workerId) {
      return "exclude-worker:" + workerId;
    }
  }
}
