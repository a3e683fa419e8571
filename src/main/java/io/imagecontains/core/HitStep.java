package io.imagecontains.core;

import io.imagecontains.adjudication.WorkerReliability;
import io.imagecontains.mturk.HitCommand;
import io.imagecontains.task.Task;
import java.util.List;

/**
 * What one event or wake-up does to a task with workers.
 *
 * @param task the task afterwards (its {@code work.wakeAt} says when to look again)
 * @param commands the calls to ask the MTurk gateway for, in order
 * @param learned the reliability view after a decision, to store; null when nothing was learned
 */
public record HitStep(Task task, List<HitCommand> commands, WorkerReliability learned) {

  static HitStep of(Task task, List<HitCommand> commands) {
    return new HitStep(task, commands, null);
  }

  static HitStep unchanged(Task task) {
    return new HitStep(task, List.of(), null);
  }
}
