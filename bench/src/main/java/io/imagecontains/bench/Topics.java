package io.imagecontains.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
