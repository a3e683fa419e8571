package io.imagecontains.core;

import io.imagecontains.adjudication.WorkerAnswer;
import io.imagecontains.mturk.HitCommand;
import io.imagecontains.task.Task;
import java.util.List;

/**
 * What one event or wake-up does to a task with workers.
 *
 * @param task the task afterwards (its {@code work.wakeAt} says when to look again)
 * @param commands the calls to ask the MTurk gateway for, in order
 * @param read answers read for the first time, for learning who to trust
 */
public record HitStep(Task task, List<HitCommand> commands, List<WorkerAnswer> read) {

  static HitStep of(Task task, List<HitCommand> commands) {
    return new HitStep(task, commands, List.of());
  }

  static HitStep unchanged(Task task) {
    return new HitStep(task, List.of(), List.of());
  }

  HitStep withRead(List<WorkerAnswer> answers) {
    return new HitStep(task, commands, answers);
  }
}
