package io.imagecontains.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.adjudication.AdjudicationSettings;
import io.imagecontains.adjudication.Adjudicator;
import io.imagecontains.adjudication.ExclusionRule;
import io.imagecontains.adjudication.WorkerAnswer;
import io.imagecontains.adjudication.WorkerReliability;
import io.imagecontains.adjudication.WorkerStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The window of recent answers a partition learns from: bounded, refitted, kept in its store. */
class WorkerBookTest {

  private static final int WINDOW = 20;
  private static final int REFIT_EVERY = 5;
  private static final Adjudicator ADJUDICATOR =
      new Adjudicator(
          new AdjudicationSettings(0.8, 0.9, 0.98, 9, 0.5, 4, 0.98, WINDOW, REFIT_EVERY));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private KeyValueStore<String, byte[]> store;

  @BeforeEach
  void store() {
    store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("workers"), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    store.init(new MockProcessorContext<String, byte[]>().getStateStoreContext(), store);
  }

  @Test
  void refitsOnceEnoughAnswersWereReadDecidedOrNot() {
    WorkerBook book = book();
    book.read("t1", List.of(answer("w1", "t1", true), answer("w2", "t1", true)));
    book.read("t2", List.of(answer("w1", "t2", false), answer("w3", "t2", true)));

    assertThat(book.current()).isEqualTo(WorkerReliability.empty());

    book.read("t3", List.of(answer("w2", "t3", true)));

    assertThat(book.current().workers()).containsOnlyKeys("w1", "w2", "w3");
    assertThat(book.current().decisions()).as("tasks fitted").isEqualTo(3);
    assertThat(registry.get("image_contains_reliability_fit_seconds").timer().count()).isOne();
  }

  @Test
  void forgetsAnswersBeyondTheWindowAndKeepsItsStoreBounded() {
    WorkerBook book = book();
    book.read("old", List.of(answer("gone", "old", true)));
    for (int task = 0; task < 3 * WINDOW; task++) {
      book.read("t" + task, List.of(answer("w" + task % 7, "t" + task, task % 2 == 0)));
    }

    assertThat(book.current().statsOf("gone")).isEqualTo(WorkerStats.NONE);
    assertThat(book.current().decisions()).isEqualTo(WINDOW);
    assertThat(windowKeys()).hasSize(WINDOW);
  }

  @Test
  void aReassignedPartitionCarriesOnWithTheSameViewAndWindow() {
    WorkerBook first = book();
    for (int task = 0; task < 10; task++) {
      first.read("t" + task, List.of(answer("w" + task % 4, "t" + task, true)));
    }
    WorkerReliability before = first.current();

    WorkerBook reopened = book();

    assertThat(reopened.current()).isEqualTo(before);
    reopened.read("t10", List.of(answer("w9", "t10", true)));
    reopened.read("t11", List.of(answer("w9", "t11", true)));
    reopened.read("t12", List.of(answer("w9", "t12", true)));
    reopened.read("t13", List.of(answer("w9", "t13", true)));
    reopened.read("t14", List.of(answer("w9", "t14", true)));
    assertThat(reopened.current().decisions())
        .as("the ten answers read before plus five since")
        .isEqualTo(15);
    assertThat(reopened.current().workers()).containsKeys("w0", "w1", "w2", "w3", "w9");
  }

  @Test
  void excludesAWorkerWhoAlwaysSaysYesOnceAndRemembersItAfterAReopen() {
    ExclusionRule rule = new ExclusionRule(4, 0.5, 0.5);
    WorkerBook book = book(rule);
    List<String> excluded = new ArrayList<>();
    for (int task = 0; task < 12; task++) { // honest workers a, b, c right every time
      boolean truth = task % 2 == 0;
      String key = "t" + task;
      excluded.addAll(
          book.read(
              key,
              List.of(
                  answer("a", key, truth),
                  answer("b", key, truth),
                  answer("c", key, truth),
                  answer("yes", key, true))));
    }

    assertThat(excluded).containsExactly("yes");
    WorkerBook reopened = book(rule);
    for (int task = 12; task < 20; task++) {
      String key = "t" + task;
      assertThat(reopened.read(key, List.of(answer("a", key, true), answer("yes", key, true))))
          .isEmpty();
    }
  }

  private WorkerBook book() {
    return book(null);
  }

  private WorkerBook book(ExclusionRule rule) {
    return new WorkerBook(store, ADJUDICATOR, rule, new TaskMetrics(registry));
  }

  private List<String> windowKeys() {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> entries =
        store.prefixScan(WorkerBook.ANSWER_PREFIX, new StringSerializer())) {
      entries.forEachRemaining(entry -> keys.add(entry.key));
    }
    return keys;
  }

  private static WorkerAnswer answer(String worker, String task, boolean yes) {
    return new WorkerAnswer(worker, task + "/" + worker, yes);
  }
}
