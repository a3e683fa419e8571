package io.imagecontains.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends put requests at a steady rate (open loop: each send has a scheduled time that does not
 * wait for earlier answers) and measures, for each task, the time from its scheduled send to the
 * arrival of its completed view. Measuring from the schedule rather than from the actual send
 * keeps a sender that falls behind from hiding the delay.
 */
final class LatencyRun {

  /** When each request was scheduled, and how far the sender ever fell behind the schedule. */
  record Sent(long[] scheduled, long maxSendLagNanos) {}

  record Result(
      int sent, int done, Percentiles toCompleted, Percentiles toFirstView, long maxSendLagNanos) {}

  private LatencyRun() {}

  /** Sends one request per task of {@code tasks}, {@code rate} per second. */
  static Sent send(String bootstrap, ViewTracker tasks, int rate) throws Exception {
    int count = tasks.size();
    long[] scheduled = new long[count];
    long maxLag = 0;
    AtomicReference<Exception> failure = new AtomicReference<>();
    Map<String, Object> noLinger = Map.of(ProducerConfig.LINGER_MS_CONFIG, 0);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(Clients.producer(bootstrap, "bench-latency", noLinger))) {
      // Fetch metadata before the clock starts.
      producer.partitionsFor(Requests.REQUESTS_TOPIC);
      long start = System.nanoTime() + 10_000_000L;
      for (int i = 0; i < count && failure.get() == null; i++) {
        long at = start + (long) i * 1_000_000_000L / rate;
        for (long now = System.nanoTime(); now < at; now = System.nanoTime()) {
          LockSupport.parkNanos(at - now);
        }
        scheduled[i] = at;
        String name = Requests.taskName(tasks.prefix(), i);
        producer.send(
            new ProducerRecord<>(
                Requests.REQUESTS_TOPIC,
                name.getBytes(StandardCharsets.UTF_8),
                Requests.putRequest(name, i)),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
        maxLag = Math.max(maxLag, System.nanoTime() - at);
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("sending latency requests failed", failure.get());
    }
    return new Sent(scheduled, maxLag);
  }

  /** Latencies of the tasks done so far; call it once the watcher has stopped writing. */
  static Result summarize(ViewTracker tasks, Sent sent) {
    long[] scheduled = sent.scheduled();
    int count = scheduled.length;
    long[] toCompleted = new long[count];
    long[] toFirstView = new long[count];
    int done = 0;
    int viewed = 0;
    for (int i = 0; i < count; i++) {
      if (tasks.completedAt(i) != 0) {
        toCompleted[done++] = tasks.completedAt(i) - scheduled[i];
      }
      if (tasks.firstViewAt(i) != 0) {
        toFirstView[viewed++] = tasks.firstViewAt(i) - scheduled[i];
      }
    }
    return new Result(
        count,
        done,
        new Percentiles(Arrays.copyOf(toCompleted, done)),
        new Percentiles(Arrays.copyOf(toFirstView, viewed)),
        sent.maxSendLagNanos());
  }
}
