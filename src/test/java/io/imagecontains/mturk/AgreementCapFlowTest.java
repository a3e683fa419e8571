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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The answer cap, end to end: with at most two answers per task, the two workers of the test
 * crowd's {@code split-pair} label (one always yes, one always no) use it up without agreeing, and
 * the task fails as {@code InsufficientAgreement} — without an extension, with both answers paid
 * and the HIT deleted.
 */
@QuarkusTest
@TestProfile(AgreementCapFlowTest.CapOfTwo.class)
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MTurkSimulatorResource.class, scope = TestResourceScope.GLOBAL)
class AgreementCapFlowTest {

  /** The default profile, with the answer cap at two. */
  public static class CapOfTwo implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("core.adjudication.max-answers", "2");
    }
  }

  @Test
  void answersThatDisagreeUpToTheCapEndTheTaskAsInsufficientAgreement() throws Exception {
    String name = "cap-" + UUID.randomUUID().toString().substring(0, 8);
    String key = "image-contains/" + name;
    try (TopicClient kafka = new TopicClient("image-contains-results")) {
      kafka.send(
          "image-contains-requests",
          name,
          put(name, "https://img.example.org/c.jpg", "split-pair"));

      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> finalViews(kafka.poll(), List.of(key)).containsKey(key));
      JsonNode view = finalViews(kafka.poll(), List.of(key)).get(key);
      assertThat(view.get("state").asText()).isEqualTo("failed");
      assertThat(view.get("problemDetails").get("code").asText())
          .isEqualTo("InsufficientAgreement");
    }
    assertThat(hitsCreatedFor(key)).isEqualTo(1);
    JsonNode hit = hitsOf(List.of(key)).get(0);
    assertThat(hit.get("maxAssignments").asInt()).as("never extended past the cap").isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> hitsOf(List.of(key)).stream().allMatch(Flows::cleanedUp));
  }
}
