package io.imagecontains.core;

import io.imagecontains.adjudication.WorkerReliability;
import io.imagecontains.task.TaskJson;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@code workers} store: what this partition has learned about workers from its decided tasks
 * (each partition learns on its own). The adjudicator refits its crowd-wide prior over all workers
 * at each decision, so the view is kept whole, as one value (bounded by {@code maxTrackedWorkers}),
 * with a copy in memory so deciding does not read it back every time.
 */
final class WorkerBook {

  static final String KEY = "reliability";

  private final KeyValueStore<String, byte[]> store;
  private WorkerReliability current;

  WorkerBook(KeyValueStore<String, byte[]> store) {
    this.store = store;
    byte[] saved = store.get(KEY);
    this.current =
        saved == null ? WorkerReliability.empty() : TaskJson.read(saved, WorkerReliability.class);
  }

  WorkerReliability current() {
    return current;
  }

  void save(WorkerReliability learned) {
    current = learned;
    store.put(KEY, TaskJson.write(learned));
  }
}
