package io.imagecontains.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.imagecontains.SecuredProfile;
import io.imagecontains.core.CoreConfig;
import io.imagecontains.kafka.KafkaBroker;
import io.imagecontains.kafka.TopicsConfig;
import io.imagecontains.workforce.InProcessWorkforce;
import io.imagecontains.workforce.InspectionCalls;
import io.imagecontains.workforce.WorkforceServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mturk.MTurkAsyncClient;

/**
 * Access control on (as in the prod profile): the API and the replicas' internal endpoint need an
 * API key, refusals are problem documents, probes stay open, replicas still reach each other, and
 * the in-process MTurk simulator is protected while the service's own client still gets through.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
class AccessControlTest {

  private static final String KEY = SecuredProfile.KEY;
  private static final String OTHER_KEY = SecuredProfile.OTHER_KEY;
  private static final String TASKS = "/functions/image-contains-test/tasks/";
  private static final String DOG =
      "{\"input\":{\"image\":{\"url\":\"https://www.mturk.com/media/butterbean.jpg\"},"
          + "\"target\":{\"label\":\"dog\"}}}";

  @Inject TopicsConfig topics;
  @Inject CoreConfig core;
  @Inject KafkaStreams self;
  @Inject InProcessWorkforce workforce;
  @Inject MTurkAsyncClient mturk;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private final String name = "auth-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void ready() {
    Ready.awaitReadiness(); // the readiness probe answers without a key
  }

  @Test
  void withoutAKeyTheApiAnswers401AsAProblemAndDoesNothing() {
    given()
        .body(DOG)
        .when()
        .put(TASKS + name)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo("urn:image-contains:problem:Unauthorized"))
        .body("title", equalTo("Unauthorized"))
        .body("status", equalTo(401))
        .body("code", equalTo("Unauthorized"))
        .body("detail", containsString("Authorization: Bearer"));

    withKey(KEY).when().get(TASKS + name).then().statusCode(404);
  }

  @Test
  void aWrongKeyOrAnotherSchemeIs401() {
    given()
        .header("Authorization", "Bearer not-" + KEY)
        .when()
        .get(TASKS + name)
        .then()
        .statusCode(401)
        .contentType(Problem.MEDIA_TYPE)
        .body("code", equalTo("Unauthorized"))
        .body("detail", not(containsString(KEY)));
    given().header("Authorization", "Basic " + KEY).when().get(TASKS + name).then().statusCode(401);
  }

  @Test
  void eitherConfiguredKeyIsLetIn() {
    withKey(KEY).body(DOG).when().put(TASKS + name).then().statusCode(201);
    withKey(OTHER_KEY)
        .when()
        .get(TASKS + name)
        .then()
        .statusCode(200)
        .body("state", equalTo("completed"));
    withKey(OTHER_KEY).when().delete(TASKS + name).then().statusCode(204);
  }

  @Test
  void probesMetricsAndApiDocsStayOpenEvenWithAWrongKey() {
    for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")) {
      given().when().get(path).then().statusCode(200);
      given().header("Authorization", "Bearer wrong").when().get(path).then().statusCode(200);
    }
  }

  @Test
  void theReplicasInternalEndpointNeedsAKeyToo() {
    String internal = "/internal/tasks/image-contains-test/" + name;
    given()
        .when()
        .get(internal)
        .then()
        .statusCode(401)
        .contentType(Problem.MEDIA_TYPE)
        .header("WWW-Authenticate", "Bearer");
    withKey(KEY).when().get(internal).then().statusCode(404);
  }

  @Test
  void aReplicaAsksTheOwnerOfATaskWithItsKey() throws Exception {
    SecondReplica other = SecondReplica.start(topics, core, bootstrap, KEY);
    try {
      List<String> keys =
          SecondReplica.putAndFindEach(
              topics.requests(), other.namesOwnedEachWay(3), () -> withKey(KEY));
      assertThat(keys).anyMatch(other::owns);
    } finally {
      other.closeAndAwaitSelf(self, topics.partitions());
    }
  }

  @Test
  void theInProcessSimulatorIsProtectedAndTheServicesClientStillGetsThrough() throws Exception {
    WorkforceServer simulator = workforce.server().orElseThrow();
    assertThat(inspect(simulator, null).statusCode()).isEqualTo(401);
    assertThat(inspect(simulator, "Bearer " + KEY).statusCode()).isEqualTo(200);

    // The service's own client signs with the secret the simulator verifies...
    assertThat(mturk.getAccountBalance(b -> {}).get(30, TimeUnit.SECONDS).availableBalance())
        .isNotBlank();
    assertThat(inspect(simulator, "Bearer " + KEY).body()).contains("GetAccountBalance");
    // ... and a client with any other secret is refused.
    try (MTurkAsyncClient stranger =
        MTurkAsyncClient.builder()
            .endpointOverride(simulator.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("simulator", "guessed-secret")))
            .build()) {
      assertThatThrownBy(() -> stranger.getAccountBalance(b -> {}).get(30, TimeUnit.SECONDS))
          .hasMessageContaining("signature we calculated does not match");
    }
  }

  private static RequestSpecification withKey(String key) {
    return given().header("Authorization", "Bearer " + key);
  }

  private static HttpResponse<String> inspect(WorkforceServer simulator, String authorization)
      throws Exception {
    return InspectionCalls.get(simulator, "stats", authorization);
  }
}
