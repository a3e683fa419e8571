package io.imagecontains.task;

import org.jboss.logging.MDC;

/**
 * Puts a task's key ({@code function/taskName}) in the logging MDC as {@value #KEY} for the lines
 * logged about it, and restores what was there on close. JSON log lines (prod) carry it as a field,
 * so an operator finds every line about one task with one query.
 */
public final class TaskMdc implements AutoCloseable {

  public static final String KEY = "taskKey";

  private final Object previous;

  private TaskMdc(Object previous) {
    this.previous = previous;
  }

  /** Sets the key (null: removes it) until {@link #close}. */
  public static TaskMdc of(String taskKey) {
    Object previous = MDC.get(KEY);
    if (taskKey == null) {
      MDC.remove(KEY);
    } else {
      MDC.put(KEY, taskKey);
    }
    return new TaskMdc(previous);
  }

  @Override
  public void close() {
    if (previous == null) {
      MDC.remove(KEY);
    } else {
      MDC.put(KEY, previous);
    }
  }
}
