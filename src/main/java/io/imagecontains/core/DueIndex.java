package io.imagecontains.core;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@code due} store: which task wakes up when. Keys sort by time ({@code
 * 0001795753800120|image-contains/t1}), so the tasks due by now are one range scan. Each task has
 * at most one entry, at its {@code work.wakeAt}; it lives in Kafka Streams state, so nothing in
 * flight is forgotten across restarts and rebalances.
 */
final class DueIndex {

  private final KeyValueStore<String, String> due;

  DueIndex(KeyValueStore<String, String> due) {
    this.due = due;
  }

  /** Moves the task's entry from one wake-up time to another (0 = none). */
  void move(String taskKey, long from, long to) {
    if (from == to) {
      return;
    }
    if (from > 0) {
      due.delete(entry(from, taskKey));
    }
    if (to > 0) {
      due.put(entry(to, taskKey), taskKey);
    }
  }

  /** Task keys due at {@code now}, earliest first, at most {@code limit}; their entries removed. */
  List<Due> takeDue(long now, int limit) {
    List<Due> found = new ArrayList<>();
    try (KeyValueIterator<String, String> entries = due.range(entry(0, ""), entry(now, "\uffff"))) {
      while (entries.hasNext() && found.size() < limit) {
        var next = entries.next();
        found.add(new Due(next.value, Long.parseLong(next.key.substring(0, 16))));
      }
    }
    found.forEach(d -> due.delete(entry(d.at(), d.taskKey())));
    return found;
  }

  /** A task due at a time. */
  record Due(String taskKey, long at) {}

  static String entry(long at, String taskKey) {
    return String.format("%016d|%s", at, taskKey);
  }
}
