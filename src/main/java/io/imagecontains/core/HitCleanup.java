package io.imagecontains.core;

import io.imagecontains.mturk.HitCommand;
import io.imagecontains.mturk.HitEvent;
import io.imagecontains.task.HitWork;
import io.imagecontains.task.HitWork.Phase;
import io.imagecontains.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * After a task is decided or failed: approve every answer received, stop offering the HIT if it
 * still has open assignments, and delete it once MTurk allows — with no call the protocol does not
 * need (no early expiry when every assignment is in; deletion only once all are approved).
 */
final class HitCleanup {

  private final LifecycleSettings settings;

  HitCleanup(LifecycleSettings settings) {
    this.settings = settings;
  }

  HitStep begin(Task finished, long now) {
    HitWork work =
        finished.work().withPhase(Phase.CLEANUP).withWakeAt(now + settings.cleanupInterval());
    return HitStep.of(
        finished.withWork(work), work.hitId() == null ? List.of() : push(finished, work));
  }

  HitStep onWake(Task task, long now) {
    HitWork work = task.work();
    if (work.hitId() == null) {
      // No HIT was ever reported, and a late one would have been within a cleanup interval.
      return HitStep.unchanged(task.withWork(work.withPhase(Phase.DONE).withWakeAt(0)));
    }
    List<HitCommand> commands = new ArrayList<>(push(task, work));
    if (work.received() < work.maxAssignments()) {
      // A worker who accepted before expiry may still submit; MTurk will not delete until then.
      commands.add(new HitCommand.ListAssignments(task.key().toString(), work.hitId()));
    }
    return HitStep.of(task.withWork(work.withWakeAt(now + settings.cleanupInterval())), commands);
  }

  HitStep onEvent(Task task, HitEvent event, long now) {
    HitWork work = task.work();
    if (event instanceof HitEvent.HitCreated created && work.hitId() == null) {
      HitWork adopted =
          work.withHit(created.hitId(), created.maxAssignments(), created.expiresAt());
      return HitStep.of(task.withWork(adopted), push(task, adopted));
    }
    if (work.hitId() == null || !work.hitId().equals(event.hitId())) {
      return HitStep.unchanged(task);
    }
    if (event instanceof HitEvent.HitDeleted) {
      return HitStep.unchanged(task.withWork(work.withPhase(Phase.DONE).withWakeAt(0)));
    }
    HitWork next = absorb(work, event);
    if (next.equals(work)) {
      return HitStep.unchanged(task);
    }
    List<HitCommand> commands =
        event instanceof HitEvent.AssignmentsListed ? push(task, next) : deleteIfDone(task, next);
    return HitStep.of(task.withWork(next), commands);
  }

  private static HitWork absorb(HitWork work, HitEvent event) {
    if (event instanceof HitEvent.AssignmentsListed listed) {
      return AnswerMerge.merge(work, listed);
    }
    if (event instanceof HitEvent.Approved approved) {
      Set<String> ids = new LinkedHashSet<>(work.approved());
      ids.addAll(approved.assignmentIds());
      return work.withApproved(List.copyOf(ids));
    }
    if (event instanceof HitEvent.HitExpired) {
      return work.withExpired();
    }
    return work;
  }

  /** The calls that move the HIT closer to deletion from where it is. */
  private static List<HitCommand> push(Task task, HitWork work) {
    String key = task.key().toString();
    List<HitCommand> commands = new ArrayList<>();
    List<String> toApprove = work.toApprove();
    if (!toApprove.isEmpty()) {
      commands.add(new HitCommand.Approve(key, work.hitId(), toApprove));
    }
    if (work.open()) {
      commands.add(new HitCommand.ExpireHit(key, work.hitId()));
    }
    commands.addAll(deleteIfDone(task, work));
    return commands;
  }

  private static List<HitCommand> deleteIfDone(Task task, HitWork work) {
    if (work.toApprove().isEmpty() && !work.open()) {
      return List.of(new HitCommand.DeleteHit(task.key().toString(), work.hitId()));
    }
    return List.of();
  }
}
