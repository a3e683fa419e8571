package io.imagecontains.task;

/**
 * Identity of a task: {@code (function, taskName)}. Its string form {@code function/taskName} is
 * the Kafka key of the task everywhere (commands, results, rejections, the {@code tasks} store).
 */
public record TaskKey(String function, String taskName) {

  /** Neither function names nor task names can contain it, so the key splits unambiguously. */
  public static final char SEPARATOR = '/';

  @Override
  public String toString() {
    return function + SEPARATOR + taskName;
  }
}
