package io.imagecontains.core;

import io.imagecontains.task.Rejection;
import io.imagecontains.task.Task;
import java.util.List;

/**
 * What one command does to one task.
 *
 * @param stored the task to store, or null to leave the store as it is (or delete, see below)
 * @param deleted true when the task is to be removed (and a tombstone published)
 * @param views the task states to publish on the results topic, in order
 * @param rejection the refusal to publish, or null
 */
public record Transition(Task stored, boolean deleted, List<Task> views, Rejection rejection) {

  static Transition unchanged() {
    return new Transition(null, false, List.of(), null);
  }

  static Transition store(Task task, List<Task> views) {
    return new Transition(task, false, views, null);
  }

  static Transition delete() {
    return new Transition(null, true, List.of(), null);
  }

  static Transition refuse(Rejection rejection) {
    return new Transition(null, false, List.of(), rejection);
  }
}
