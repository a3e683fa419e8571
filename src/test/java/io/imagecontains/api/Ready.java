package io.imagecontains.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Waits, as Kubernetes would, until the service says it is ready before a test talks to it. */
final class Ready {

  private Ready() {}

  /** Ready, and the core not rebalancing: every partition's store answers. */
  static void awaitReadiness() {
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                "RUNNING"
                    .equals(
                        given()
                            .when()
                            .get("/q/health/ready")
                            .jsonPath()
                            .getString(
                                "checks.find { it.name == 'image-contains core' }.data.state")));
  }
}
