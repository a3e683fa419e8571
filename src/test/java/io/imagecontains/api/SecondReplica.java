package io.imagecontains.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.imagecontains.core.CoreConfig;
import io.imagecontains.core.TaskMetrics;
import io.imagecontains.core.TaskTopology;
import io.imagecontains.kafka.Requests;
import io.imagecontains.kafka.TopicClient;
import io.imagecontains.kafka.TopicsConfig;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * A second core instance (same application id, its own store) with the internal endpoint the real
 * service serves, on {@code localhost:<port>}; when given a key, the endpoint answers 401 to calls
 * that do not carry it, as the real one does with access control on.
 */
final class SecondReplica implements AutoCloseable {

  /** Overridable so that two checkouts can run their suites side by side. */
  static final int PORT = Integer.getInteger("replica.test-port", 8097);

  private static final String TASKS = "/functions/image-contains-test/tasks/";

  private final KafkaStreams streams;
  private final HttpServer http;
  private final String requiredKey;

  private SecondReplica(KafkaStreams streams, String requiredKey) throws IOException {
    this.streams = streams;
    this.requiredKey = requiredKey;
    this.http = HttpServer.create(new InetSocketAddress("localhost", PORT), 0);
    http.createContext("/internal/tasks/", this::serve);
    http.start();
  }

  /** Starts it and waits until it owns partitions; {@code requiredKey} null for an open one. */
  static SecondReplica start(
      TopicsConfig topics, CoreConfig core, String bootstrap, String requiredKey)
      throws IOException {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "image-contains");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:" + PORT);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    // The broker's minimum: if the leave request is missed, the group evicts it quickly anyway.
    props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6000);
    props.put(
        StreamsConfig.STATE_DIR_CONFIG,
        Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "streams-state")), "other")
            .toString());
    KafkaStreams streams =
        new KafkaStreams(
            TaskTopology.build(
                topics,
                TaskTopology.wiring(
                    topics, core, null, new TaskMetrics(new SimpleMeterRegistry()))),
            props);
    streams.start();
    SecondReplica replica = new SecondReplica(streams, requiredKey);
    await().atMost(Duration.ofSeconds(60)).until(replica::ownsPartitions);
    return replica;
  }

  /**
   * Names of test tasks, {@code perSide} of them owned by this replica and as many by the other:
   * chosen by the partition each falls in, so that both ways of answering are always exercised.
   */
  List<String> namesOwnedEachWay(int perSide) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> mine = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
    for (int i = 0; mine.size() < perSide || theirs.size() < perSide; i++) {
      String name = "replica-" + run + "-" + i;
      List<String> side = owns("image-contains-test/" + name) ? mine : theirs;
      if (side.size() < perSide) {
        side.add(name);
      }
    }
    mine.addAll(theirs);
    return mine;
  }

  /**
   * Puts the test tasks on the requests topic, then GETs each from the test's instance until it
   * answers completed; while partitions move an instance may answer 503 (with Retry-After), never
   * anything else. Returns the task keys.
   */
  static List<String> putAndFindEach(
      String requestsTopic, List<String> names, Supplier<RequestSpecification> request) {
    try (TopicClient kafka = new TopicClient()) {
      for (String name : names) {
        kafka.send(requestsTopic, name, put(name));
      }
    }
    for (String name : names) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                int status = request.get().get(TASKS + name).statusCode();
                assertThat(status).isIn(200, 404, 503);
                return status == 200;
              });
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  request
                      .get()
                      .get(TASKS + name)
                      .then()
                      .statusCode(200)
                      .body("state", equalTo("completed")));
    }
    return names.stream().map(n -> "image-contains-test/" + n).toList();
  }

  private static String put(String name) {
    return Requests.put("image-contains-test", name, "https://example.com/a.jpg", "dog");
  }

  boolean ownsPartitions() {
    return streams.state() == KafkaStreams.State.RUNNING
        && streams.metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty());
  }

  boolean owns(String taskKey) {
    return streams
            .queryMetadataForKey(TaskTopology.TASKS_STORE, taskKey, Serdes.String().serializer())
            .activeHost()
            .port()
        == PORT;
  }

  private void serve(HttpExchange exchange) throws IOException {
    if (requiredKey != null
        && !("Bearer " + requiredKey)
            .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
      return;
    }
    String[] path = exchange.getRequestURI().getPath().split("/");
    String key = path[3] + "/" + path[4];
    Task task =
        streams
            .store(
                StoreQueryParameters.fromNameAndType(
                    TaskTopology.TASKS_STORE, QueryableStoreTypes.<String, Task>keyValueStore()))
            .get(key);
    byte[] body = task == null ? new byte[0] : TaskJson.write(task);
    exchange.sendResponseHeaders(task == null ? 404 : 200, task == null ? -1 : body.length);
    if (task != null) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  /** Leaves, and waits until {@code self} owns every partition again (the next test expects it). */
  void closeAndAwaitSelf(KafkaStreams self, int partitions) {
    close();
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                self.state() == KafkaStreams.State.RUNNING
                    && self.metadataForLocalThreads().stream()
                            .mapToInt(t -> t.activeTasks().size())
                            .sum()
                        == partitions);
  }

  @Override
  public void close() {
    http.stop(0);
    // Streams does not leave its group on close by default (a restart should not rebalance);
    // a replica scaled away should, so its partitions move at once.
    streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
  }
}
