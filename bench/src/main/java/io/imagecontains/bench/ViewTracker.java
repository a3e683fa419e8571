package io.imagecontains.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Arrival times of the views of one set of tasks (named prefix + number) on the results topic.
 * Only the watcher thread writes; others read the counters, and the arrays once the count they
 * wait for is reached (the atomic counter orders the writes before those reads).
 */
final class ViewTracker {

  private final String prefix;
  private final long[] firstViewAt;
  private final long[] completedAt;
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile long firstArrival;
  private volatile long lastCompletion;
  private volatile long halfwayCompletion;
  private volatile int duplicates;
  private volatile String firstFailure;

  ViewTracker(String prefix, int tasks) {
    this.prefix = prefix;
    this.firstViewAt = new long[tasks];
    this.completedAt = new long[tasks];
  }

  String prefix() {
    return prefix;
  }

  int size() {
    return completedAt.length;
  }

  /** Records a view; false when the task is not one of this tracker's. */
  boolean onView(String taskName, String state, String value, long now) {
    int i = Requests.taskIndex(prefix, taskName);
    if (i < 0 || i >= completedAt.length) {
      return false;
    }
    if (firstArrival == 0) {
      firstArrival = now;
    }
    if (firstViewAt[i] == 0) {
      firstViewAt[i] = now;
    }
    if ("completed".equals(state) || "failed".equals(state)) {
      if (completedAt[i] != 0) {
        duplicates++;
        return true;
      }
      completedAt[i] = now;
      if ("failed".equals(state)) {
        if (firstFailure == null) {
          firstFailure = value;
        }
        failed.incrementAndGet();
      }
      lastCompletion = now;
      if (completed.incrementAndGet() == completedAt.length / 2) {
        halfwayCompletion = now;
      }
    }
    return true;
  }

  /** Tasks with a final view ({@code completed} or {@code failed}). */
  int done() {
    return completed.get();
  }

  int failed() {
    return failed.get();
  }

  int duplicates() {
    return duplicates;
  }

  String firstFailure() {
    return firstFailure;
  }

  long firstArrival() {
    return firstArrival;
  }

  long lastCompletion() {
    return lastCompletion;
  }

  /** When half of the tasks had their final view (0 before that). */
  long halfwayCompletion() {
    return halfwayCompletion;
  }

  /** Arrival of task i's final view (0 if none yet). */
  long completedAt(int i) {
    return completedAt[i];
  }

  /** Arrival of task i's first view (0 if none yet). */
  long firstViewAt(int i) {
    return firstViewAt[i];
  }
}
