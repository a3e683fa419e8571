package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.kafka.KafkaBroker;
import io.imagecontains.kafka.TopicClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code image-contains} end to end: requests on Kafka, the core, the gateway and the real AWS SDK
 * over HTTP to the MTurk simulator's workers, and back to a result on the results topic.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MTurkSimulatorResource.class, scope = TestResourceScope.GLOBAL)
class ImageContainsFlowTest {

  private static final int TASKS = 6;

  @Test
  void tasksCompleteWithTheGroundTruthOneHitEachAndTheirHitsAreCleanedUp() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> keys = new ArrayList<>();
    try (TopicClient kafka = new TopicClient("image-contains-results")) {
      for (int i = 0; i < TASKS; i++) {
        String name = "flow-" + run + "-" + i;
        keys.add("image-contains/" + name);
        kafka.send(
            "image-contains-requests",
            name,
            put(name, "https://img.example.org/" + run + "/" + i + ".jpg"));
      }
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> finalViews(kafka.poll(), keys).size() == TASKS);
      Map<String, JsonNode> views = finalViews(kafka.poll(), keys);
      Map<String, Boolean> truth = truthByTask();
      for (String key : keys) {
        JsonNode view = views.get(key);
        assertThat(view.get("state").asText()).as(key).isEqualTo("completed");
        assertThat(view.get("result").get("containsTarget").asBoolean())
            .as(key)
            .isEqualTo(truth.get(key));
        assertThat(view.get("details").get("answers").asInt()).as(key).isBetween(2, 9);
      }
    }
    for (String key : keys) {
      assertThat(simulator("/_sim/tasks").get("hitsCreatedByTask").get(key).asLong())
          .as(key)
          .isEqualTo(1);
    }
    // Every answer paid for, and no HIT left for workers: each one ends deleted.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> hitsOf(keys).stream().allMatch(this::cleanedUp));
  }

  private boolean cleanedUp(JsonNode hit) {
    boolean allApproved = true;
    for (JsonNode assignment : hit.get("assignments")) {
      allApproved &= assignment.get("status").asText().equals("Approved");
    }
    return hit.get("status").asText().equals("Disposed") && allApproved;
  }

  private Map<String, Boolean> truthByTask() throws Exception {
    Map<String, Boolean> truth = new HashMap<>();
    for (JsonNode hit : simulator("/_sim/hits")) {
      truth.put(hit.get("taskKey").asText(), hit.get("truth").asBoolean());
    }
    return truth;
  }

  private List<JsonNode> hitsOf(List<String> keys) throws Exception {
    List<JsonNode> hits = new ArrayList<>();
    for (JsonNode hit : simulator("/_sim/hits")) {
      if (keys.contains(hit.get("taskKey").asText())) {
        hits.add(hit);
      }
    }
    return hits;
  }

  private static Map<String, JsonNode> finalViews(
      List<ConsumerRecord<String, byte[]>> seen, List<String> keys) {
    Map<String, JsonNode> views = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : seen) {
      if (keys.contains(r.key()) && r.value() != null) {
        JsonNode view = json(r.value());
        if (!view.get("state").asText().equals("processing")) {
          views.put(r.key(), view);
        }
      }
    }
    return views;
  }

  private static String put(String name, String url) {
    return "{\"function\":\"image-contains\",\"taskName\":\""
        + name
        + "\",\"input\":{\"image\":{\"url\":\""
        + url
        + "\"},\"target\":{\"label\":\"dog\"}}}";
  }

  private static JsonNode simulator(String path) throws Exception {
    return SimulatorInspection.get(path);
  }

  private static JsonNode json(byte[] bytes) {
    return SimulatorInspection.json(bytes);
  }
}
