package io.imagecontains.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.kafka.KafkaBroker;
import io.imagecontains.kafka.TopicClient;
import io.imagecontains.task.TaskJson;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST contract on a real broker: status codes, problem documents, read-your-writes. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
class TaskResourceTest {

  private static final String TEST_TASKS = "/functions/image-contains-test/tasks/";
  private static final String DOG =
      "{\"input\":{\"image\":{\"url\":\"https://www.mturk.com/media/butterbean.jpg\"},"
          + "\"target\":{\"label\":\"dog\"}}}";
  private static final String CAT = DOG.replace("dog", "cat");

  private final String name = "rest-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void ready() {
    Ready.awaitReadiness();
  }

  @Test
  void putCreatesThenAGetAtOnceFindsTheTask() {
    given()
        .body(DOG)
        .contentType(ContentType.JSON)
        .when()
        .put(TEST_TASKS + name)
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.endsWith(TEST_TASKS + name))
        .body("taskName", equalTo(name))
        .body("input.image.url", equalTo("https://www.mturk.com/media/butterbean.jpg"))
        .body("input.target.label", equalTo("dog"))
        .body("problemDetails", nullValue())
        .body("state", equalTo("completed"))
        .body("result.containsTarget", notNullValue());

    given()
        .when()
        .get(TEST_TASKS + name)
        .then()
        .statusCode(200)
        .body("taskName", equalTo(name))
        .body("state", equalTo("completed"))
        .body("details.function", equalTo("image-contains-test"));
  }

  @Test
  void aSecondPutWithTheSameInputAnswers200AndADifferentOne400() {
    given().body(DOG).when().put(TEST_TASKS + name).then().statusCode(201);

    given()
        .body(DOG)
        .when()
        .put(TEST_TASKS + name)
        .then()
        .statusCode(200)
        .body("taskName", equalTo(name));
    given()
        .body(CAT)
        .when()
        .put(TEST_TASKS + name)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("ConflictingInput"))
        .body("status", equalTo(400));
    given().when().get(TEST_TASKS + name).then().body("input.target.label", equalTo("dog"));
  }

  @Test
  void deleteOfAFinishedTaskAnswers204AndFreesTheName() {
    given().body(DOG).when().put(TEST_TASKS + name).then().statusCode(201);

    given().when().delete(TEST_TASKS + name).then().statusCode(204);

    given()
        .when()
        .get(TEST_TASKS + name)
        .then()
        .statusCode(404)
        .body("code", equalTo("TaskNotFound"));
    given()
        .body(CAT)
        .when()
        .put(TEST_TASKS + name)
        .then()
        .statusCode(201)
        .body("input.target.label", equalTo("cat"));
  }

  @Test
  void deleteOfAProcessingTaskAnswers409AndOfAnUnknownOne404() {
    String real = "/functions/image-contains/tasks/" + name;
    given().body(DOG).when().put(real).then().statusCode(201).body("state", equalTo("processing"));

    given().when().delete(real).then().statusCode(409).body("code", equalTo("TaskStillProcessing"));
    given().when().get(real).then().statusCode(200).body("state", equalTo("processing"));
    given()
        .when()
        .delete(TEST_TASKS + "unknown-" + name)
        .then()
        .statusCode(404)
        .body("code", equalTo("TaskNotFound"));
  }

  @Test
  void invalidRequestsAnswerProblemDocumentsWithTheKafkaCodes() {
    given()
        .body(DOG)
        .when()
        .put("/functions/no-such-function/tasks/" + name)
        .then()
        .statusCode(404)
        .body("code", equalTo("UnknownFunction"));
    given()
        .when()
        .get("/functions/no-such-function/tasks/" + name)
        .then()
        .statusCode(404)
        .body("code", equalTo("UnknownFunction"));
    given()
        .body(DOG)
        .when()
        .put(TEST_TASKS + "bad%20name")
        .then()
        .statusCode(400)
        .body("code", equalTo("InvalidTaskName"))
        .body("field", equalTo("/taskName"));
    given()
        .body(DOG)
        .when()
        .put(TEST_TASKS + "n".repeat(65))
        .then()
        .statusCode(400)
        .body("code", equalTo("InvalidTaskName"));
    given()
        .body("{not json")
        .when()
        .put(TEST_TASKS + name)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("NotJson"));
    given()
        .body("")
        .when()
        .put(TEST_TASKS + name)
        .then()
        .statusCode(400)
        .body("code", equalTo("EmptyRecord"));
    given()
        .body("[]")
        .when()
        .put(TEST_TASKS + name)
        .then()
        .statusCode(400)
        .body("code", equalTo("NotAnObject"));
    given()
        .body("{}")
        .when()
        .put(TEST_TASKS + name)
        .then()
        .statusCode(400)
        .body("code", equalTo("InvalidInput"))
        .body("field", equalTo("/input"));
    given()
        .body(DOG.replace("https://www.mturk.com", "file://"))
        .when()
        .put(TEST_TASKS + name)
        .then()
        .statusCode(400)
        .body("code", equalTo("InvalidImageUrl"))
        .body("field", equalTo("/input/image/url"));
    given()
        .body(DOG.replace("dog", ""))
        .when()
        .put(TEST_TASKS + name)
        .then()
        .statusCode(400)
        .body("code", equalTo("InvalidLabel"));
    given().when().get(TEST_TASKS + name).then().statusCode(404);
  }

  @Test
  void theRestViewIsTheViewOnTheResultsTopic() throws IOException {
    String body =
        given().body(DOG).when().put(TEST_TASKS + name).then().statusCode(201).extract().asString();
    try (TopicClient kafka = new TopicClient("image-contains-results")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> kafka.poll().stream().anyMatch(r -> isCompletedView(r, name)));
      ConsumerRecord<String, byte[]> view =
          kafka.poll().stream().filter(r -> isCompletedView(r, name)).findFirst().orElseThrow();
      assertThat(TaskJson.MAPPER.readTree(view.value())).isEqualTo(TaskJson.MAPPER.readTree(body));
    }
  }

  @Test
  void openApiAndReadinessArePublished() {
    given()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("paths", notNullValue());
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'image-contains core' }.data.state", equalTo("RUNNING"));
  }

  private static boolean isCompletedView(ConsumerRecord<String, byte[]> r, String name) {
    if (!("image-contains-test/" + name).equals(r.key()) || r.value() == null) {
      return false;
    }
    try {
      JsonNode view = TaskJson.MAPPER.readTree(r.value());
      return view.get("state").asText().equals("completed");
    } catch (IOException e) {
      return false;
    }
  }
}
