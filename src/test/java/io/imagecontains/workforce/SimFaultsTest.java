package io.imagecontains.workforce;

import static io.imagecontains.workforce.SimulatorFixture.await;
import static io.imagecontains.workforce.SimulatorFixture.hitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagecontains.workforce.protocol.CallStats.Outcome;
import io.imagecontains.workforce.protocol.Fault;
import io.imagecontains.workforce.protocol.FaultSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mturk.model.MTurkException;
import software.amazon.awssdk.services.mturk.model.RequestErrorException;
import software.amazon.awssdk.services.mturk.model.ServiceException;

/**
 * Injected faults as the real SDK experiences them: it retries, then raises the right exception.
 */
class SimFaultsTest {
  private final SimulatorFixture sim = SimulatorFixture.withCrowd("perfect-crowd.json");

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void persistentThrottlingIsRetriedThenSurfacesAsAThrottlingException() {
    sim.server.faults().update(FaultSettings.NONE.withThrottleRate(1.0));

    assertThatThrownBy(() -> await(sim.mturk.getAccountBalance(b -> {})))
        .isInstanceOfSatisfying(
            MTurkException.class,
            e -> {
              assertThat(e.isThrottlingException()).isTrue();
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
              assertThat(e.getMessage()).contains("Rate exceeded");
            });
    assertThat(calls("GetAccountBalance")).isEqualTo(4); // the SDK retried 3 times
    assertThat(sim.server.inspection().callsByOutcome()).containsKey(Outcome.THROTTLED);
  }

  @Test
  void aThrottledCallSucceedsOnRetry() {
    sim.server.faults().injectNext(Fault.THROTTLE, 1);
    assertThat(await(sim.mturk.getAccountBalance(b -> {})).availableBalance())
        .isEqualTo("10000.00");
    assertThat(calls("GetAccountBalance")).isEqualTo(2);
  }

  @Test
  void persistentServerErrorsSurfaceAsServiceFault() {
    sim.server.faults().update(FaultSettings.NONE.withServerErrorRate(1.0));

    assertThatThrownBy(() -> sim.create(hitFor("https://img.example.org/a.jpg", "dog", 3)))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceFault");
            });
    assertThat(calls("CreateHIT")).isEqualTo(4);
    assertThat(sim.server.inspection().hits()).isEmpty(); // refused before acting
  }

  @Test
  void twoServerErrorsThenSuccess() {
    sim.server.faults().injectNext(Fault.SERVER_ERROR, 2);
    assertThat(sim.create(hitFor("https://img.example.org/a.jpg", "dog", 3)).hitId()).isNotBlank();
    assertThat(calls("CreateHIT")).isEqualTo(3);
    assertThat(sim.server.inspection().hits()).hasSize(1);
  }

  @Test
  void aLostResponseMakesTheRetryMeetItsOwnHit() {
    sim.server.faults().injectNext(Fault.LOST_RESPONSE, 1);

    // The first attempt creates the HIT but answers 500; the SDK's retry reuses the token.
    assertThatThrownBy(
            () ->
                sim.create(
                    hitFor("https://img.example.org/a.jpg", "dog", 3).uniqueRequestToken("t-1")))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e -> {
              assertThat(e.turkErrorCode()).isEqualTo("AWS.MechanicalTurk.HitAlreadyExists");
              String hitId = sim.server.inspection().hits().get(0).hitId();
              assertThat(e.getMessage()).contains(hitId);
            });
    assertThat(sim.server.inspection().hitsCreatedByTask())
        .containsEntry("image-contains/dog-task", 1L);
  }

  @Test
  void addedLatencyDelaysResponses() {
    sim.server
        .faults()
        .update(FaultSettings.NONE.withLatency(Duration.ofMillis(300), 0, Duration.ZERO));
    await(sim.mturk.getAccountBalance(b -> {})); // warm the connection
    long start = System.nanoTime();
    await(sim.mturk.getAccountBalance(b -> {}));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void unsignedRequestsAreRefused() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sim.server.endpoint())
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "MTurkRequesterServiceV20170117.GetAccountBalance")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("MissingAuthenticationTokenException");
  }

  @Test
  void inspectionIsServedAsJson() throws Exception {
    sim.create(hitFor("https://img.example.org/a.jpg", "dog", 1));
    sim.advance(Duration.ofMinutes(5));
    HttpClient http = HttpClient.newHttpClient();
    String tasks = get(http, "/_sim/tasks");
    String hits = get(http, "/_sim/hits");
    String stats = get(http, "/_sim/stats");
    String workers = get(http, "/_sim/workers");

    assertThat(tasks).contains("\"image-contains/dog-task\":1").contains("\"duplicates\":{}");
    assertThat(hits)
        .contains("\"status\":\"Reviewable\"")
        .contains("\"url\":\"https://img.example.org/a.jpg\"")
        .contains("\"truth\":true")
        .contains("\"status\":\"Submitted\"")
        .contains("\"value\":\"yes\"");
    assertThat(workers).contains("{\"workerId\":\"A01PERFECT0001\",\"group\":\"perfect\"");
    assertThat(stats)
        .contains("\"CreateHIT\":1")
        .contains("\"simulatedNow\":\"2026-11-27T08:05:00Z\"");
  }

  private String get(HttpClient http, String path) throws Exception {
    URI uri = sim.server.endpoint().resolve(path);
    HttpResponse<String> r =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private long calls(String operation) {
    return sim.server.inspection().callsByOperation().getOrDefault(operation, 0L);
  }
}
