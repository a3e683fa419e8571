package io.imagecontains.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagecontains.kafka.KafkaBroker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The probes deploy/ gives Kubernetes answer 200 from the running service, without credentials (the
 * kubelet sends none): a probe on a path that moved, or behind access control, would restart every
 * pod in a loop.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
class ProbePathsTest {

  @Test
  void everyProbePathOfTheManifestsAnswers200() {
    Set<String> paths = KubernetesManifestsTest.probePaths();
    assertThat(paths).hasSize(3);
    for (String path : paths) {
      await()
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(() -> given().when().get(path).then().statusCode(200));
    }
  }
}
