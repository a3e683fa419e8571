package io.imagecontains.workforce.hits;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Future happenings in simulated time (a worker accepts, submits, an assignment times out or is
 * auto-approved), run in time order when the clock passes them. Running each action at its own
 * instant, not at the instant somebody looked, keeps every timestamp exact however coarsely the
 * clock moves. Not thread-safe: owned by {@link HitRegistry} and used under its lock.
 */
final class SimulationSchedule {
  private record Entry(Instant at, long seq, Runnable action) {}

  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.at().equals(b.at()) ? Long.compare(a.seq(), b.seq()) : a.at().compareTo(b.at()));
  private long seq;
  private Instant now;
  private boolean running;

  SimulationSchedule(Instant start) {
    this.now = start;
  }

  /** The simulated instant being processed; never moves backwards. */
  Instant now() {
    return now;
  }

  void schedule(Instant at, Runnable action) {
    queue.add(new Entry(at.isBefore(now) ? now : at, seq++, action));
  }

  /** Runs every action due up to {@code target}, including those that due actions schedule. */
  void runUntil(Instant target) {
    running = true;
    try {
      while (!queue.isEmpty() && !queue.peek().at().isAfter(target)) {
        Entry next = queue.poll();
        now = next.at().isAfter(now) ? next.at() : now;
        next.action().run();
      }
      now = target.isAfter(now) ? target : now;
    } finally {
      running = false;
    }
  }

  /** True while due actions run: they must not advance time again, or order would break. */
  boolean isRunning() {
    return running;
  }

  int size() {
    return queue.size();
  }
}
