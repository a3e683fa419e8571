package io.imagecontains.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.kafka.KafkaBroker;
import io.imagecontains.kafka.Requests;
import io.imagecontains.kafka.TopicClient;
import io.imagecontains.mturk.MTurkSimulatorResource;
import io.imagecontains.task.TaskJson;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees at {@code /q/metrics} after a few tasks: each named metric is there, and
 * moved by what the tasks did — requests, tasks by state and function, answers per task, latency,
 * MTurk calls and throttles, HIT cost, and the poll backlog.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MTurkSimulatorResource.class, scope = TestResourceScope.GLOBAL)
class ServiceMetricsTest {

  private static final int PEOPLE_TASKS = 3;
  private static final int TEST_TASKS = 2;

  /** The default reward, $0.05, plus MTurk's fee (20%, at least $0.01). */
  private static final double COST_PER_ANSWER = 0.06;

  private static final String IC = "image-contains";
  private static final String TEST = "image-contains-test";

  @Test
  void aFewTasksShowInEveryNamedMetric() throws Exception {
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
    Scrape before = Scrape.now();
    String run = UUID.randomUUID().toString().substring(0, 8);

    putOverRest(run);
    List<String> keys = new ArrayList<>();
    try (TopicClient kafka = new TopicClient("image-contains-results")) {
      for (int i = 0; i < PEOPLE_TASKS; i++) {
        String name = "metrics-" + run + "-" + i;
        keys.add(IC + "/" + name);
        kafka.send("image-contains-requests", name, put(name));
      }
      await().atMost(Duration.ofSeconds(90)).until(() -> finished(kafka.poll(), keys));
    }
    // Answers are paid for after the decision: wait until every one is approved.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Scrape s = Scrape.now();
              double answers = s.since(before, "image_contains_task_answers_sum", "function", IC);
              double cost = s.since(before, "image_contains_hit_cost_dollars_total");
              return answers > 0 && cost >= answers * COST_PER_ANSWER - 1e-6;
            });
    Scrape after = Scrape.now();

    assertRequests(before, after);
    assertTasks(before, after);
    assertMTurk(before, after);
    assertBacklog(after);
  }

  private static void assertRequests(Scrape before, Scrape after) {
    String name = "image_contains_requests_total";
    assertThat(after.since(before, name, "via", "rest", "outcome", "accepted"))
        .isGreaterThanOrEqualTo(TEST_TASKS);
    assertThat(
            after.since(
                before, name, "via", "rest", "outcome", "refused", "code", "InvalidImageUrl"))
        .isEqualTo(1);
    assertThat(after.since(before, name, "via", "kafka", "outcome", "accepted"))
        .isGreaterThanOrEqualTo(PEOPLE_TASKS);
  }

  private static void assertTasks(Scrape before, Scrape after) {
    String tasks = "image_contains_tasks_total";
    assertThat(after.since(before, tasks, "function", IC, "state", "processing"))
        .isGreaterThanOrEqualTo(PEOPLE_TASKS);
    assertThat(after.since(before, tasks, "function", IC, "state", "completed"))
        .isGreaterThanOrEqualTo(PEOPLE_TASKS);
    assertThat(after.since(before, tasks, "function", TEST, "state", "completed"))
        .isGreaterThanOrEqualTo(TEST_TASKS);

    String answers = "image_contains_task_answers";
    double decided = after.since(before, answers + "_count", "function", IC, "state", "completed");
    double received = after.since(before, answers + "_sum", "function", IC, "state", "completed");
    assertThat(decided).isGreaterThanOrEqualTo(PEOPLE_TASKS);
    assertThat(received / decided).isBetween(2.0, 9.0); // reliable workers: few answers each

    String latency = "image_contains_task_latency_seconds";
    double timed = after.since(before, latency + "_count", "function", IC, "state", "completed");
    double seconds = after.since(before, latency + "_sum", "function", IC, "state", "completed");
    assertThat(timed).isEqualTo(decided);
    assertThat(seconds / timed).isGreaterThan(0).isLessThan(90); // simulated workers at 60x
    assertThat(after.since(before, latency + "_count", "function", TEST))
        .isGreaterThanOrEqualTo(TEST_TASKS);
  }

  private static void assertMTurk(Scrape before, Scrape after) {
    String calls = "image_contains_mturk_calls_total";
    assertThat(after.since(before, calls, "operation", "CreateHIT", "outcome", "ok"))
        .isGreaterThanOrEqualTo(PEOPLE_TASKS);
    assertThat(after.since(before, calls, "operation", "ListAssignmentsForHIT", "outcome", "ok"))
        .isGreaterThanOrEqualTo(PEOPLE_TASKS);
    assertThat(after.has("image_contains_mturk_throttles_total")).isTrue();
    assertThat(after.value("image_contains_mturk_throttles_total")).isGreaterThanOrEqualTo(0);
    double answers = after.since(before, "image_contains_task_answers_sum", "function", IC);
    // Every answer paid, once: other tests' HITs may be paid for in the same window too.
    assertThat(after.since(before, "image_contains_hit_cost_dollars_total"))
        .isGreaterThanOrEqualTo(answers * COST_PER_ANSWER - 1e-6);
  }

  private static void assertBacklog(Scrape after) {
    assertThat(after.value("image_contains_due_tasks")).isNotNaN().isGreaterThanOrEqualTo(0);
    assertThat(after.value("image_contains_overdue_tasks")).isNotNaN().isGreaterThanOrEqualTo(0);
    // The core wakes due tasks every core.tick (100 ms here): nothing waits long.
    assertThat(after.value("image_contains_poll_lag_seconds")).isNotNaN().isBetween(0.0, 5.0);
  }

  private static void putOverRest(String run) {
    for (int i = 0; i < TEST_TASKS; i++) {
      given()
          .body(body("https://img.example.org/" + run + "/" + i + ".jpg"))
          .when()
          .put("/functions/" + TEST + "/tasks/metrics-" + run + "-" + i)
          .then()
          .statusCode(201);
    }
    given()
        .body(body("ftp://img.example.org/refused.jpg"))
        .when()
        .put("/functions/" + TEST + "/tasks/metrics-" + run + "-refused")
        .then()
        .statusCode(400);
  }

  private static boolean finished(List<ConsumerRecord<String, byte[]>> seen, List<String> keys) {
    return keys.stream().allMatch(key -> seen.stream().anyMatch(r -> finishedView(r, key)));
  }

  private static boolean finishedView(ConsumerRecord<String, byte[]> r, String key) {
    return r.key().equals(key)
        && r.value() != null
        && !TaskJson.read(r.value(), JsonNode.class).get("state").asText().equals("processing");
  }

  private static String body(String url) {
    return "{\"input\":{\"image\":{\"url\":\"" + url + "\"},\"target\":{\"label\":\"dog\"}}}";
  }

  private static String put(String name) {
    return Requests.put(
        "image-contains", name, "https://img.example.org/metrics/" + name + ".jpg", "dog");
  }
}
