package io.imagecontains.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/** Topic administration on the bench's own broker. */
final class Topics implements AutoCloseable {

  private final Admin admin;

  Topics(String bootstrap) {
    this.admin = Admin.create(Clients.admin(bootstrap));
  }

  /**
   * Creates a topic with one replica. A topic that exists already holds an earlier run's records,
   * which would be counted as this run's: the bench refuses it and wants a fresh broker.
   */
  void createFresh(String name, int partitions) throws Exception {
    NewTopic topic = new NewTopic(name, partitions, (short) 1);
    try {
      admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        throw new IllegalStateException(
            "topic " + name + " exists already: run the bench on a fresh broker", e);
      }
      throw e;
    }
    awaitLeaders(name, partitions);
  }

  /**
   * Waits until the broker serves every partition of a new topic as its leader. Producing right
   * after creation can otherwise hit NOT_LEADER_OR_FOLLOWER, after which an idempotent producer
   * was seen here to retry OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout. A ListOffsets
   * request is answered by the leader only, so its success is the signal.
   */
  private void awaitLeaders(String name, int partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(name, p), OffsetSpec.latest());
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topic " + name + " has no leader after 30 s", e);
        }
        Thread.sleep(100);
      }
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
