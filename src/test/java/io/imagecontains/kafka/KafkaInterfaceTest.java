package io.imagecontains.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.task.TaskJson;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The Kafka contract end to end on a real broker: requests in, task views and rejections out. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
class KafkaInterfaceTest {

  static final String REQUESTS = "image-contains-requests";
  static final String RESULTS = "image-contains-results";
  static final String REJECTIONS = "image-contains-rejections";
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void validRequestsCompleteAndBadOnesAreRefusedWithoutStoppingThePipeline() {
    Map<String, String> bad = badRecords();
    try (TopicClient kafka = new TopicClient(RESULTS, REJECTIONS)) {
      int i = 0;
      for (Map.Entry<String, String> entry : bad.entrySet()) {
        kafka.send(
            REQUESTS, "valid-" + i, put("v" + i, "https://example.com/" + i + ".jpg", "dog"));
        kafka.send(REQUESTS, entry.getKey(), entry.getValue());
        i++;
      }
      kafka.send(REQUESTS, "bad-empty".getBytes(), new byte[0]);
      kafka.send(REQUESTS, "bad-null".getBytes(), null);
      kafka.send(
          REQUESTS,
          "bad-latin1".getBytes(),
          "{\"x\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
      int valid = i;

      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                List<ConsumerRecord<String, byte[]>> seen = kafka.poll();
                assertThat(completed(seen)).hasSize(valid);
                assertThat(rejectionCodesByProducerKey(seen)).hasSize(bad.size() + 3);
              });

      Map<String, String> codes = rejectionCodesByProducerKey(kafka.poll());
      bad.keySet().forEach(key -> assertThat(codes.get(key)).isEqualTo(expectedCode(key)));
      assertThat(codes.get("bad-empty")).isEqualTo("EmptyRecord");
      assertThat(codes.get("bad-null")).isEqualTo("EmptyRecord");
      assertThat(codes.get("bad-latin1")).isEqualTo("NotUtf8");
    }
  }

  @Test
  void theLifecycleOverKafkaFollowsTheSeed() {
    try (TopicClient kafka = new TopicClient(RESULTS, REJECTIONS)) {
      String done = "life-" + run;
      String busy = "busy-" + run;
      kafka.send(REQUESTS, done, put(done, "https://example.com/a.jpg", "dog"));
      kafka.send(REQUESTS, done, put(done, "https://example.com/a.jpg", "dog")); // idempotent
      kafka.send(REQUESTS, done, put(done, "https://example.com/a.jpg", "cat")); // conflict
      kafka.send(REQUESTS, busy, realPut(busy));
      kafka.send(REQUESTS, busy, delete("image-contains", busy)); // still processing
      kafka.send(REQUESTS, "x", delete("image-contains-test", "never-" + run)); // unknown

      await().atMost(PATIENCE).until(() -> rejectionsFor(kafka.poll(), run).size() == 3);
      List<ConsumerRecord<String, byte[]>> seen = kafka.poll();
      assertThat(statesOf(seen, "image-contains-test/" + done))
          .containsExactly("processing", "completed");
      assertThat(statesOf(seen, "image-contains/" + busy)).containsExactly("processing");
      assertThat(rejectionsFor(seen, run))
          .extracting(r -> r.get("code").asText())
          .containsExactlyInAnyOrder("ConflictingInput", "TaskStillProcessing", "TaskNotFound");

      kafka.send(REQUESTS, done, delete("image-contains-test", done));
      await()
          .atMost(PATIENCE)
          .until(() -> kafka.poll().stream().anyMatch(r -> isTombstoneOf(r, done)));

      kafka.send(REQUESTS, done, put(done, "https://example.com/a.jpg", "cat")); // name reusable
      await()
          .atMost(PATIENCE)
          .until(() -> statesOf(kafka.poll(), "image-contains-test/" + done).size() == 4);
      assertThat(
              lastView(kafka.poll(), "image-contains-test/" + done)
                  .get("input")
                  .get("target")
                  .get("label")
                  .asText())
          .isEqualTo("cat");
    }
  }

  private static boolean isTombstoneOf(ConsumerRecord<String, byte[]> r, String name) {
    return r.topic().equals(RESULTS)
        && r.key().equals("image-contains-test/" + name)
        && r.value() == null;
  }

  private Map<String, String> badRecords() {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("bad-NotJson", "this is not json");
    bad.put("bad-NotAnObject", "[\"image-contains-test\"]");
    bad.put("bad-DuplicateKey", "{\"function\":\"image-contains-test\",\"function\":\"x\"}");
    bad.put("bad-NestingTooDeep", "[".repeat(5000) + "]".repeat(5000));
    bad.put("bad-InvalidFunction", "{\"function\":3,\"taskName\":\"t\"}");
    bad.put("bad-UnknownFunction", "{\"function\":\"image-contains-x\",\"taskName\":\"t\"}");
    bad.put("bad-InvalidTaskName", put("a/b", "https://example.com/a.jpg", "dog"));
    bad.put("bad-InvalidTaskName-long", put("n".repeat(65), "https://example.com/a.jpg", "dog"));
    bad.put("bad-InvalidInput", "{\"function\":\"image-contains-test\",\"taskName\":\"t\"}");
    bad.put("bad-InvalidImageUrl", put("t", "javascript:alert(1)", "dog"));
    bad.put("bad-InvalidImageUrl-space", put("t", "https://example.com/a b.jpg", "dog"));
    bad.put("bad-InvalidLabel", put("t", "https://example.com/a.jpg", " "));
    bad.put(
        "bad-InvalidAction",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"action\":\"x\"}");
    return bad;
  }

  private static String expectedCode(String producerKey) {
    String code = producerKey.substring("bad-".length());
    return code.contains("-") ? code.substring(0, code.indexOf('-')) : code;
  }

  private static String put(String name, String url, String label) {
    return Requests.put("image-contains-test", name, url, label);
  }

  private static String realPut(String name) {
    return put(name, "https://example.com/r.jpg", "dog")
        .replace("image-contains-test", "image-contains");
  }

  private static String delete(String function, String name) {
    return "{\"function\":\""
        + function
        + "\",\"taskName\":\""
        + name
        + "\",\"action\":\"delete\"}";
  }

  private List<String> completed(List<ConsumerRecord<String, byte[]>> seen) {
    return seen.stream()
        .filter(r -> r.topic().equals(RESULTS) && r.value() != null && r.key().contains("/v"))
        .filter(r -> json(r.value()).get("state").asText().equals("completed"))
        .map(ConsumerRecord::key)
        .distinct()
        .toList();
  }

  private Map<String, String> rejectionCodesByProducerKey(
      List<ConsumerRecord<String, byte[]>> seen) {
    Map<String, String> codes = new HashMap<>();
    seen.stream()
        .filter(r -> r.topic().equals(REJECTIONS))
        .map(r -> json(r.value()))
        .filter(j -> j.path("source").path("key").asText("").startsWith("bad-"))
        .forEach(j -> codes.put(j.get("source").get("key").asText(), j.get("code").asText()));
    return codes;
  }

  private List<JsonNode> rejectionsFor(List<ConsumerRecord<String, byte[]>> seen, String marker) {
    return seen.stream()
        .filter(r -> r.topic().equals(REJECTIONS) && r.key() != null && r.key().contains(marker))
        .map(r -> json(r.value()))
        .toList();
  }

  private List<String> statesOf(List<ConsumerRecord<String, byte[]>> seen, String key) {
    return seen.stream()
        .filter(r -> r.topic().equals(RESULTS) && key.equals(r.key()) && r.value() != null)
        .map(r -> json(r.value()).get("state").asText())
        .toList();
  }

  private JsonNode lastView(List<ConsumerRecord<String, byte[]>> seen, String key) {
    List<JsonNode> views =
        seen.stream()
            .filter(r -> r.topic().equals(RESULTS) && key.equals(r.key()) && r.value() != null)
            .map(r -> json(r.value()))
            .toList();
    return views.get(views.size() - 1);
  }

  static JsonNode json(byte[] bytes) {
    try {
      return TaskJson.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
