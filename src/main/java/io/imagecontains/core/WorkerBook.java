package io.imagecontains.core;

import io.imagecontains.adjudication.Adjudicator;
import io.imagecontains.adjudication.ExclusionRule;
import io.imagecontains.adjudication.RecentAnswers;
import io.imagecontains.adjudication.WorkerAnswer;
import io.imagecontains.adjudication.WorkerReliability;
import io.imagecontains.task.TaskJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@code workers} store: what this partition has learned about workers (each partition learns
 * on its own). It keeps the most recent answers read, decided tasks or not ({@code windowAnswers},
 * one entry each, in a ring of keys), and every {@code refitEvery} answers replaces the reliability
 * view with {@link Adjudicator#learn} over them. The view is one value, with a copy in memory so
 * deciding does not read it back each time; so is the window, read back once when the partition is
 * assigned. After each fit, workers the {@link ExclusionRule} finds uninformative are excluded
 * (once each; their record at the time is kept under {@code excluded/<worker>}).
 */
final class WorkerBook {

  static final String KEY = "reliability";

  /** Prefix of the window's keys; the rest is the slot, zero-padded so they sort. */
  static final String ANSWER_PREFIX = "answer/";

  /** Prefix of the keys of workers this partition excluded; the rest is the worker id. */
  static final String EXCLUDED_PREFIX = "excluded/";

  private final KeyValueStore<String, byte[]> store;
  private final Adjudicator adjudicator;
  private final TaskMetrics metrics;
  private final int window;
  private final RecentAnswers recent;
  private final ExclusionRule exclusion;
  private final Set<String> excluded = new HashSet<>();
  private long nextSeq;
  private WorkerReliability current;

  /**
   * @param exclusion who to keep off future HITs after each fit; null for nobody
   */
  WorkerBook(
      KeyValueStore<String, byte[]> store,
      Adjudicator adjudicator,
      ExclusionRule exclusion,
      TaskMetrics metrics) {
    this.store = store;
    this.adjudicator = adjudicator;
    this.exclusion = exclusion;
    this.metrics = metrics;
    this.window = adjudicator.settings().windowAnswers();
    this.recent = new RecentAnswers(adjudicator.settings());
    byte[] saved = store.get(KEY);
    this.current =
        saved == null ? WorkerReliability.empty() : TaskJson.read(saved, WorkerReliability.class);
    loadWindow();
    try (KeyValueIterator<String, byte[]> entries =
        store.prefixScan(EXCLUDED_PREFIX, new StringSerializer())) {
      entries.forEachRemaining(e -> excluded.add(e.key.substring(EXCLUDED_PREFIX.length())));
    }
  }

  WorkerReliability current() {
    return current;
  }

  /**
   * Answers newly read for a task; refits the view once enough came in since the last fit.
   *
   * @return workers to exclude from now on, judged by the new fit (none without a fit)
   */
  List<String> read(String taskKey, List<WorkerAnswer> answers) {
    for (WorkerAnswer answer : answers) {
      long seq = nextSeq++;
      store.put( // the slot of the answer the window forgets now, if any
          slotKey(seq),
          TaskJson.write(new ReadAnswer(seq, taskKey, answer.workerId(), answer.containsTarget())));
    }
    if (recent.add(taskKey, answers)) {
      long started = System.nanoTime();
      current = adjudicator.learn(recent.byTask());
      metrics.reliabilityFitted(System.nanoTime() - started, current.workers().size());
      store.put(KEY, TaskJson.write(current));
      return exclude();
    }
    return List.of();
  }

  private List<String> exclude() {
    if (exclusion == null) {
      return List.of();
    }
    List<String> workers = exclusion.toExclude(current, excluded, adjudicator);
    for (String worker : workers) {
      excluded.add(worker);
      store.put(EXCLUDED_PREFIX + worker, TaskJson.write(current.statsOf(worker)));
    }
    return workers;
  }

  /**
   * Reads the window back in order. Entries not in their slot under the current window size (it was
   * changed since they were written) are dropped, and learning starts over from the next answers.
   */
  private void loadWindow() {
    List<ReadAnswer> saved = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> entries =
        store.prefixScan(ANSWER_PREFIX, new StringSerializer())) {
      while (entries.hasNext()) {
        KeyValue<String, byte[]> entry = entries.next();
        ReadAnswer answer = TaskJson.read(entry.value, ReadAnswer.class);
        if (entry.key.equals(slotKey(answer.seq()))) {
          saved.add(answer);
        } else {
          store.delete(entry.key);
        }
      }
    }
    saved.sort(Comparator.comparingLong(ReadAnswer::seq));
    for (ReadAnswer answer : saved) {
      recent.add(answer.task(), List.of(asWorkerAnswer(answer))); // a fit follows the next read
    }
    nextSeq = saved.isEmpty() ? 0 : saved.get(saved.size() - 1).seq() + 1;
  }

  private static WorkerAnswer asWorkerAnswer(ReadAnswer read) {
    return new WorkerAnswer(read.workerId(), read.task() + "#" + read.seq(), read.containsTarget());
  }

  private String slotKey(long seq) {
    return ANSWER_PREFIX + String.format(Locale.ROOT, "%09d", seq % window);
  }
}
