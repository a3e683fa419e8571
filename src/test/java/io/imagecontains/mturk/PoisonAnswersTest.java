package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.kafka.KafkaBroker;
import io.imagecontains.kafka.Requests;
import io.imagecontains.kafka.TopicClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Fault scenario "poison answers" (issue 4, scenario 6): {@code image-contains} tasks on the real
 * broker, answered through the SDK by a simulated crowd in which three groups send only poison —
 * malformed XML, values other than yes/no, and XXE payloads pointing at a local server that counts
 * requests. The poison is ignored and counted, no external entity is ever fetched, and every task
 * is still decided by the honest answers (with the ground truth) or fails with a contract code.
 *
 * <p>Its own crowd needs its own simulator, hence a test profile (one more application start).
 */
@QuarkusTest
@TestProfile(PoisonAnswersTest.PoisonedCrowd.class)
class PoisonAnswersTest {

  private static final int TASKS = 10;
  private static final Set<String> CLEAN_FAILURES = Set.of("InsufficientAgreement", "Expired");
  private static final Map<String, String> POISON_GROUPS =
      Map.of("malformed", "A02MALFORMED", "unknown value", "A03UNKNOWN", "XXE", "A04XXE");

  /** The broker and the simulator with the poisoned crowd, instead of the suite's resources. */
  public static class PoisonedCrowd implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(KafkaBroker.class),
          new TestResourceEntry(PoisonSimulatorResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }

    /**
     * Poisoned answers make tasks poll and extend longer; at the default 5 calls/s the polls of ten
     * undecided tasks outrun the gateway and an extension waits behind them (see the report).
     */
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mturk.rate-limit", "50");
    }
  }

  @Inject MeterRegistry metrics;

  @Test
  void poisonIsIgnoredAndCountedNoEntityIsFetchedAndTasksAreStillDecided() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> keys = new ArrayList<>();
    Map<String, List<JsonNode>> terminal;
    try (TopicClient kafka = new TopicClient("image-contains-results")) {
      for (int i = 0; i < TASKS; i++) {
        String name = "poison-" + run + "-" + i;
        keys.add("image-contains/" + name);
        kafka.send("image-contains-requests", name, put(name, i, run));
      }
      await()
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(
              () ->
                  assertThat(terminalViews(kafka.poll(), keys).keySet())
                      .as(() -> "tasks with a terminal view; the HITs: " + hitStates())
                      .containsAll(keys));
      terminal = terminalViews(kafka.poll(), keys);
    }

    Map<String, JsonNode> hits = hitsByTask();
    int completed = 0;
    for (String key : keys) {
      assertThat(terminal.get(key)).as("terminal views of " + key).hasSize(1);
      JsonNode view = terminal.get(key).get(0);
      if (view.get("state").asText().equals("completed")) {
        completed++;
        assertThat(view.get("result").get("containsTarget").asBoolean())
            .as("decided by the honest answers: " + key)
            .isEqualTo(hits.get(key).get("truth").asBoolean());
      } else {
        assertThat(view.get("problemDetails").get("code").asText()).isIn(CLEAN_FAILURES);
      }
    }
    assertThat(completed).as("tasks decided despite the poison").isGreaterThanOrEqualTo(TASKS / 2);

    Map<String, Integer> poisonSubmitted = poisonSubmitted(hits);
    POISON_GROUPS
        .keySet()
        .forEach(
            kind -> assertThat(poisonSubmitted.get(kind)).as(kind + " answers sent").isPositive());
    int poisonTotal = poisonSubmitted.values().stream().mapToInt(Integer::intValue).sum();
    double counted = metrics.counter("image_contains_malformed_answers").count();
    assertThat(counted).as("poisoned answers counted").isBetween(1.0, (double) poisonTotal);
    assertThat(SimulatorInspection.text(recorder() + "/count"))
        .as("requests an XXE entity caused")
        .isEqualTo("0");
  }

  private static String hitStates() {
    StringBuilder out = new StringBuilder();
    try {
      for (JsonNode hit : hitsByTask().values()) {
        out.append(hit.get("taskKey").asText()).append(' ').append(hit.get("status").asText());
        hit.get("assignments")
            .forEach(
                a ->
                    out.append(' ')
                        .append(a.get("workerId").asText())
                        .append(':')
                        .append(a.get("status").asText()));
        out.append("; ");
      }
    } catch (Exception e) {
      out.append(e);
    }
    return out.toString();
  }

  /** Submitted answers per poison kind, from the simulator's records of the test's HITs. */
  private static Map<String, Integer> poisonSubmitted(Map<String, JsonNode> hits) {
    Map<String, Integer> out = new HashMap<>();
    POISON_GROUPS.keySet().forEach(kind -> out.put(kind, 0));
    for (JsonNode hit : hits.values()) {
      for (JsonNode a : hit.get("assignments")) {
        boolean submitted =
            Set.of("Submitted", "Approved", "Rejected").contains(a.get("status").asText());
        POISON_GROUPS.forEach(
            (kind, idPrefix) -> {
              if (submitted && a.get("workerId").asText().startsWith(idPrefix)) {
                out.merge(kind, 1, Integer::sum);
              }
            });
      }
    }
    return out;
  }

  private static Map<String, List<JsonNode>> terminalViews(
      List<ConsumerRecord<String, byte[]>> seen, List<String> keys) {
    Map<String, List<JsonNode>> views = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : seen) {
      if (keys.contains(r.key()) && r.value() != null) {
        JsonNode view = json(r.value());
        if (!view.get("state").asText().equals("processing")) {
          views.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(view);
        }
      }
    }
    return views;
  }

  private static Map<String, JsonNode> hitsByTask() throws Exception {
    Map<String, JsonNode> hits = new HashMap<>();
    for (JsonNode hit : SimulatorInspection.get("/_sim/hits")) {
      hits.put(hit.get("taskKey").asText(), hit);
    }
    return hits;
  }

  private static String put(String name, int i, String run) {
    return Requests.put(
        "image-contains", name, "https://img.example.org/poison/" + run + "/" + i + ".jpg", "dog");
  }

  private static String recorder() {
    return ConfigProvider.getConfig().getValue(PoisonSimulatorResource.RECORDER, String.class);
  }

  private static JsonNode json(byte[] bytes) {
    return SimulatorInspection.json(bytes);
  }
}
