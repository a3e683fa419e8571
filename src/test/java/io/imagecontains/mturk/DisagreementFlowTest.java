package io.imagecontains.mturk;

import static io.imagecontains.mturk.Flows.finalViews;
import static io.imagecontains.mturk.Flows.hitsCreatedFor;
import static io.imagecontains.mturk.Flows.hitsOf;
import static io.imagecontains.mturk.Flows.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.kafka.KafkaBroker;
import io.imagecontains.kafka.TopicClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Workers who disagree, end to end through the real SDK and the simulator: the test crowd sends
 * questions about the label {@code split-pair} to two workers only, one who always says yes and one
 * who always says no. Their answers never agree, so the service extends the HIT; nobody else may
 * take it, so it expires, and the task fails as {@code Expired} — with both answers paid and the
 * HIT deleted.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MTurkSimulatorResource.class, scope = TestResourceScope.GLOBAL)
class DisagreementFlowTest {

  @Test
  void disagreementExtendsTheHitAndAHitNobodyFillsEndsTheTaskAsExpired() throws Exception {
    String name = "split-" + UUID.randomUUID().toString().substring(0, 8);
    String key = "image-contains/" + name;
    try (TopicClient kafka = new TopicClient("image-contains-results")) {
      kafka.send(
          "image-contains-requests",
          name,
          put(name, "https://img.example.org/s.jpg", "split-pair"));

      // The test profile's HIT lifetime is 20 simulated minutes: 20 s at 60x.
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> finalViews(kafka.poll(), List.of(key)).containsKey(key));
      JsonNode view = finalViews(kafka.poll(), List.of(key)).get(key);
      assertThat(view.get("state").asText()).isEqualTo("failed");
      assertThat(view.get("problemDetails").get("code").asText()).isEqualTo("Expired");
      assertThat(view.get("problemDetails").get("message").asText())
          .isEqualTo("Not enough Workers provided answers for your task within the allotted time.");
    }
    assertThat(hitsCreatedFor(key)).isEqualTo(1);
    JsonNode hit = hitsOf(List.of(key)).get(0);
    assertThat(hit.get("maxAssignments").asInt())
        .as("extended past the first two")
        .isGreaterThan(2);
    assertThat(hit.get("assignments")).hasSize(2);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> hitsOf(List.of(key)).stream().allMatch(Flows::cleanedUp));
  }
}
