package io.imagecontains.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the results topic (read_committed, from the beginning) and the rejections topic on its
 * own thread and stamps each view's arrival with {@link System#nanoTime()}. It starts before the
 * service and waits for the service to create the topics, so the first view's arrival is seen.
 */
final class ResultsWatcher implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(20);
  private static final long TOPIC_CHECK_NANOS = 200_000_000L;

  private final String bootstrap;
  private final List<ViewTracker> trackers;
  private final JsonFactory json = new JsonFactory();
  private final AtomicInteger rejections = new AtomicInteger();
  private final AtomicInteger foreignViews = new AtomicInteger();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile String firstRejection;
  private volatile Throwable error;

  ResultsWatcher(String bootstrap, List<ViewTracker> trackers) {
    this.bootstrap = bootstrap;
    this.trackers = trackers;
    this.thread = new Thread(this::run, "results-watcher");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  int rejections() {
    return rejections.get();
  }

  String firstRejection() {
    return firstRejection;
  }

  /** Views whose task belongs to no tracker (left over from an earlier run, say). */
  int foreignViews() {
    return foreignViews.get();
  }

  /** Why the watcher stopped on its own, or null while it runs. */
  Throwable error() {
    return error;
  }

  private void run() {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(Clients.consumer(bootstrap, "bench-results-watcher"))) {
      Set<TopicPartition> assigned = new HashSet<>();
      long nextTopicCheck = 0;
      boolean allTopics = false;
      while (running) {
        if (!allTopics && System.nanoTime() >= nextTopicCheck) {
          allTopics = addNewPartitions(consumer, assigned);
          nextTopicCheck = System.nanoTime() + TOPIC_CHECK_NANOS;
        }
        if (assigned.isEmpty()) {
          Thread.sleep(20);
          continue;
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          accept(r, System.nanoTime());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      error = t;
    }
  }

  /**
   * Assigns the partitions of the watched topics that exist by now, reading new ones from the
   * beginning; true once both topics are there.
   */
  private boolean addNewPartitions(
      KafkaConsumer<byte[], byte[]> consumer, Set<TopicPartition> assigned) {
    var topics = consumer.listTopics(Duration.ofSeconds(5));
    List<TopicPartition> added = new ArrayList<>();
    boolean all = true;
    for (String topic : List.of(Requests.RESULTS_TOPIC, Requests.REJECTIONS_TOPIC)) {
      List<PartitionInfo> infos = topics.get(topic);
      if (infos == null) {
        all = false;
        continue;
      }
      for (PartitionInfo p : infos) {
        TopicPartition tp = new TopicPartition(topic, p.partition());
        if (assigned.add(tp)) {
          added.add(tp);
        }
      }
    }
    if (!added.isEmpty()) {
      consumer.assign(assigned);
      consumer.seekToBeginning(added);
    }
    return all;
  }

  private void accept(ConsumerRecord<byte[], byte[]> r, long now) {
    if (r.topic().equals(Requests.REJECTIONS_TOPIC)) {
      if (rejections.incrementAndGet() == 1) {
        firstRejection = r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8);
      }
      return;
    }
    if (r.key() == null || r.value() == null) {
      return;
    }
    String key = new String(r.key(), StandardCharsets.UTF_8);
    String prefix = Requests.FUNCTION + "/";
    if (!key.startsWith(prefix)) {
      foreignViews.incrementAndGet();
      return;
    }
    String taskName = key.substring(prefix.length());
    String state = state(r.value());
    String value = "failed".equals(state) ? new String(r.value(), StandardCharsets.UTF_8) : null;
    for (ViewTracker tracker : trackers) {
      if (tracker.onView(taskName, state, value, now)) {
        return;
      }
    }
    foreignViews.incrementAndGet();
  }

  /** The top-level {@code state} field of a task view, read without building a tree. */
  private String state(byte[] value) {
    try (JsonParser p = json.createParser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if ("state".equals(field)) {
          return p.getValueAsString();
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
