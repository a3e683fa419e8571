package io.imagecontains.core;

import io.imagecontains.adjudication.AdjudicationSettings;
import io.imagecontains.adjudication.Adjudicator;
import io.imagecontains.adjudication.WorkerAnswer;
import io.imagecontains.adjudication.WorkerReliability;
import io.imagecontains.task.TaskJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * assigned.
 */
final class WorkerBook {

  static final String KEY = "reliability";

  /** Prefix of the window's keys; the rest is the slot, zero-padded so they sort. */
  static final String ANSWER_PREFIX = "answer/";

  private final KeyValueStore<String, byte[]> store;
  private final Adjudicator adjudicator;
  private final TaskMetrics metrics;
  private final int window;
  private final int refitEvery;
  private final ArrayDeque<ReadAnswer> recent = new ArrayDeque<>();
  private long nextSeq;
  private int sinceFit;
  private WorkerReliability current;

  WorkerBook(KeyValueStore<String, byte[]> store, Adjudicator adjudicator, TaskMetrics metrics) {
    this.store = store;
    this.adjudicator = adjudicator;
    this.metrics = metrics;
    AdjudicationSettings settings = adjudicator.settings();
    this.window = settings.windowAnswers();
    this.refitEvery = settings.refitEvery();
    byte[] saved = store.get(KEY);
    this.current =
        saved == null ? WorkerReliability.empty() : TaskJson.read(saved, WorkerReliability.class);
    loadWindow();
  }

  WorkerReliability current() {
    return current;
  }

  /** Answers newly read for a task; refits the view once enough came in since the last fit. */
  void read(String taskKey, List<WorkerAnswer> answers) {
    for (WorkerAnswer answer : answers) {
      ReadAnswer entry =
          new ReadAnswer(nextSeq++, taskKey, answer.workerId(), answer.containsTarget());
      recent.addLast(entry);
      store.put(slotKey(entry.seq()), TaskJson.write(entry));
      if (recent.size() > window) {
        recent.removeFirst(); // its slot was just reused
      }
    }
    sinceFit += answers.size();
    if (sinceFit >= refitEvery) {
      refit();
    }
  }

  private void refit() {
    sinceFit = 0;
    Map<String, List<WorkerAnswer>> byTask = new LinkedHashMap<>();
    for (ReadAnswer entry : recent) {
      byTask
          .computeIfAbsent(entry.task(), k -> new ArrayList<>())
          .add(
              new WorkerAnswer(
                  entry.workerId(), entry.task() + "#" + entry.seq(), entry.containsTarget()));
    }
    long started = System.nanoTime();
    current = adjudicator.learn(byTask.values());
    metrics.reliabilityFitted(System.nanoTime() - started, current.workers().size());
    store.put(KEY, TaskJson.write(current));
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
    recent.addAll(saved);
    nextSeq = saved.isEmpty() ? 0 : saved.get(saved.size() - 1).seq() + 1;
  }

  private String slotKey(long seq) {
    return ANSWER_PREFIX + String.format(Locale.ROOT, "%09d", seq % window);
  }
}
