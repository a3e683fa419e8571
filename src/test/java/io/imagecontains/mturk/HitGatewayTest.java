package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.kafka.KafkaBroker;
import io.imagecontains.kafka.TopicClient;
import io.imagecontains.task.TaskJson;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The gateway wired in the service: a command on hit-commands becomes an event on hit-events. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MTurkSimulatorResource.class, scope = TestResourceScope.GLOBAL)
class HitGatewayTest {

  static final String HIT_COMMANDS = "image-contains-hit-commands";
  static final String HIT_EVENTS = "image-contains-hit-events";

  @Test
  void aCreateHitCommandYieldsOneHitAndAHitCreatedEventEvenAfterGarbage() throws Exception {
    String task = "image-contains/gw-" + UUID.randomUUID().toString().substring(0, 8);
    HitCommand create =
        new HitCommand.CreateHit(task, task + "#1", "https://img.example.org/a.jpg", "dog", 3);
    try (TopicClient kafka = new TopicClient(HIT_EVENTS)) {
      kafka.send(HIT_COMMANDS, task.getBytes(), "not json".getBytes(StandardCharsets.UTF_8));
      kafka.send(HIT_COMMANDS, task.getBytes(), TaskJson.write(create));
      kafka.send(HIT_COMMANDS, task.getBytes(), TaskJson.write(create)); // redelivered

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(eventsFor(kafka.poll(), task)).hasSize(2));

      List<JsonNode> events = eventsFor(kafka.poll(), task);
      assertThat(events).extracting(e -> e.get("type").asText()).containsOnly("HitCreated");
      assertThat(events).extracting(e -> e.get("hitId").asText()).doesNotContainNull().hasSize(2);
      assertThat(events.get(0).get("hitId")).isEqualTo(events.get(1).get("hitId"));
      assertThat(events.get(0).get("maxAssignments").asInt()).isEqualTo(3);
    }
    assertThat(simulatorTasks().get("hitsCreatedByTask").get(task).asInt()).isEqualTo(1);
    String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("image_contains_mturk_calls_total{operation=\"CreateHIT\",outcome=\"ok\"}")
        .contains("image_contains_unreadable_hit_commands_total")
        .contains("image_contains_hit_cost_dollars_total")
        .contains("image_contains_mturk_call_seconds_count{operation=\"CreateHIT\"}");
  }

  /** The answers to the task's commands (not the scan's reports, which come on their own). */
  private static List<JsonNode> eventsFor(
      List<ConsumerRecord<String, byte[]>> records, String task) {
    return records.stream()
        .filter(r -> task.equals(r.key()))
        .map(r -> read(r.value()))
        .filter(e -> !"HitReviewable".equals(e.get("type").asText()))
        .toList();
  }

  private static JsonNode read(byte[] json) {
    try {
      return TaskJson.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCommandMTurkRefusesComesBackAsCallFailedAndTheNextOneStillRuns() {
    String lost = "image-contains/lost-" + UUID.randomUUID().toString().substring(0, 8);
    String next = "image-contains/next-" + UUID.randomUUID().toString().substring(0, 8);
    try (TopicClient kafka = new TopicClient(HIT_EVENTS)) {
      kafka.send(
          HIT_COMMANDS,
          lost.getBytes(),
          TaskJson.write(new HitCommand.ListAssignments(lost, "3NOSUCHHIT0000000000000000000X")));
      kafka.send(
          HIT_COMMANDS,
          next.getBytes(),
          TaskJson.write(
              new HitCommand.CreateHit(
                  next, next + "#1", "https://img.example.org/a.jpg", "cat", 1)));

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                List<ConsumerRecord<String, byte[]>> seen = kafka.poll();
                assertThat(eventsFor(seen, lost)).hasSize(1);
                assertThat(eventsFor(seen, next)).hasSize(1);
              });

      JsonNode failed = eventsFor(kafka.poll(), lost).get(0);
      assertThat(failed.get("type").asText()).isEqualTo("CallFailed");
      assertThat(failed.get("code").asText()).isEqualTo("AWS.MechanicalTurk.HITDoesNotExist");
      assertThat(failed.get("retryable").asBoolean()).isFalse();
      assertThat(eventsFor(kafka.poll(), next).get(0).get("type").asText()).isEqualTo("HitCreated");
    }
  }

  /** The simulator's inspection API: HITs created per task. */
  private static JsonNode simulatorTasks() throws Exception {
    URI endpoint = ConfigProvider.getConfig().getValue("mturk.endpoint", URI.class);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(endpoint.resolve("/_sim/tasks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    return TaskJson.MAPPER.readTree(response.body());
  }
}
