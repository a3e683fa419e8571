package io.imagecontains.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.imagecontains.core.CoreConfig;
import io.imagecontains.core.TaskMetrics;
import io.imagecontains.core.TaskTopology;
import io.imagecontains.kafka.KafkaBroker;
import io.imagecontains.kafka.TopicClient;
import io.imagecontains.kafka.TopicsConfig;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Any replica answers for any task: a second core instance (same application id, its own store and
 * HTTP endpoint) takes some partitions, and this instance's REST API still finds every task, asking
 * the owner for the ones it does not hold.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
class ReplicaTest {

  /** Overridable so that two checkouts can run their suites side by side. */
  private static final int OTHER_PORT = Integer.getInteger("replica.test-port", 8097);

  @Inject TopicsConfig topics;
  @Inject CoreConfig core;
  @Inject KafkaStreams self;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void aGetOnThisInstanceFindsTasksAnotherInstanceOwns() throws Exception {
    Ready.awaitReadiness();
    String run = UUID.randomUUID().toString().substring(0, 8);
    try (OtherInstance other = new OtherInstance(start())) {
      await().atMost(Duration.ofSeconds(60)).until(other::ownsPartitions);

      List<String> names = new ArrayList<>();
      try (TopicClient kafka = new TopicClient()) {
        for (int i = 0; i < 12; i++) {
          String name = "replica-" + run + "-" + i;
          names.add(name);
          kafka.send(topics.requests(), name, put(name));
        }
      }

      for (String name : names) {
        // While partitions move, an instance may answer 503 (with Retry-After), never anything
        // else.
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  int status =
                      given()
                          .when()
                          .get("/functions/image-contains-test/tasks/" + name)
                          .statusCode();
                  assertThat(status).isIn(200, 404, 503);
                  return status == 200;
                });
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () ->
                    given()
                        .when()
                        .get("/functions/image-contains-test/tasks/" + name)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("completed")));
      }
      assertThat(names).anyMatch(other::owns);
    }
    // The next test expects this instance to own every partition again.
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                self.state() == KafkaStreams.State.RUNNING
                    && self.metadataForLocalThreads().stream()
                            .mapToInt(t -> t.activeTasks().size())
                            .sum()
                        == topics.partitions());
  }

  private KafkaStreams start() throws IOException {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "image-contains");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:" + OTHER_PORT);
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
                TaskTopology.wiring(topics, core, new TaskMetrics(new SimpleMeterRegistry()))),
            props);
    streams.start();
    return streams;
  }

  private static String put(String name) {
    return "{\"function\":\"image-contains-test\",\"taskName\":\""
        + name
        + "\",\"input\":{\"image\":{\"url\":\"https://example.com/a.jpg\"},\"target\":{\"label\":\"dog\"}}}";
  }

  /** A second core instance with the internal endpoint the real service serves. */
  private static final class OtherInstance implements AutoCloseable {
    private final KafkaStreams streams;
    private final HttpServer http;

    OtherInstance(KafkaStreams streams) throws IOException {
      this.streams = streams;
      this.http = HttpServer.create(new InetSocketAddress("localhost", OTHER_PORT), 0);
      http.createContext("/internal/tasks/", this::serve);
      http.start();
    }

    boolean ownsPartitions() {
      return streams.state() == KafkaStreams.State.RUNNING
          && streams.metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty());
    }

    boolean owns(String name) {
      return streams
              .queryMetadataForKey(
                  TaskTopology.TASKS_STORE,
                  "image-contains-test/" + name,
                  Serdes.String().serializer())
              .activeHost()
              .port()
          == OTHER_PORT;
    }

    private void serve(HttpExchange exchange) throws IOException {
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

    @Override
    public void close() {
      http.stop(0);
      // Streams does not leave its group on close by default (a restart should not rebalance);
      // a replica scaled away should, so its partitions move at once.
      streams.close(
          new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
    }
  }
}
