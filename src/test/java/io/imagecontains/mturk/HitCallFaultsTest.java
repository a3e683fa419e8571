package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.mturk.HitCommand.AddAssignments;
import io.imagecontains.mturk.HitCommand.Approve;
import io.imagecontains.mturk.HitCommand.CreateHit;
import io.imagecontains.mturk.HitCommand.ListAssignments;
import io.imagecontains.mturk.HitEvent.AssignmentsListed;
import io.imagecontains.mturk.HitEvent.CallFailed;
import io.imagecontains.mturk.HitEvent.HitCreated;
import io.imagecontains.mturk.HitEvent.WorkerAnswer;
import io.imagecontains.workforce.protocol.Fault;
import io.imagecontains.workforce.protocol.FaultSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * MTurk misbehaving, as the simulator's fault injection makes it: throttling and 5xx are retried
 * and slow the pacer, lost responses are repeated harmlessly thanks to request tokens, and a call
 * that keeps failing is reported retryable instead of blocking the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HitCallFaultsTest {

  private final SimulatedMTurk sim = SimulatedMTurk.withPerfectCrowd(Map.of());
  private final AtomicInteger tasks = new AtomicInteger();

  @AfterEach
  void noMoreFaults() {
    sim.faults(FaultSettings.NONE);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  /** Enough attempts for one call to meet a clear run of refusals on its own. */
  private static final Map<String, String> PATIENT =
      Map.of("mturk.max-attempts", String.valueOf(CallPacer.CLEAR_RUN + 1));

  @Test
  void throttledCallsAreRetriedAndSlowThePacer() {
    Gateway gw = gateway(PATIENT);
    long before = sim.calls("CreateHIT");
    double throttles = sim.counter(MTurkMetrics.THROTTLES);
    sim.server.faults().injectNext(Fault.THROTTLE, CallPacer.CLEAR_RUN); // a clear run of them

    String task = newTask();
    assertThat(gw.execute(create(task, 3))).isInstanceOf(HitCreated.class);

    assertThat(sim.calls("CreateHIT") - before).isEqualTo(CallPacer.CLEAR_RUN + 1);
    assertThat(sim.counter(MTurkMetrics.THROTTLES) - throttles).isEqualTo(CallPacer.CLEAR_RUN);
    assertThat(gw.pacer.currentRate()).isLessThan(SimulatedMTurk.RATE_LIMIT);
    assertThat(sim.server.inspection().hitsCreatedFor(task)).isEqualTo(1);
  }

  @Test
  void serverErrorsAreRetried() {
    Gateway gw = gateway(PATIENT);
    String task = newTask();
    String hitId = ((HitCreated) gw.execute(create(task, 3))).hitId();
    sim.server.faults().injectNext(Fault.SERVER_ERROR, CallPacer.CLEAR_RUN); // a clear run

    assertThat(gw.execute(new ListAssignments(task, hitId))).isInstanceOf(AssignmentsListed.class);
    assertThat(
            sim.counter(
                MTurkMetrics.CALLS,
                "operation",
                "ListAssignmentsForHIT",
                "outcome",
                "server_error"))
        .isGreaterThanOrEqualTo(CallPacer.CLEAR_RUN);
    assertThat(gw.pacer.currentRate()).isLessThan(SimulatedMTurk.RATE_LIMIT);
  }

  @Test
  void aCreateWhoseResponseWasLostFindsItsHitInsteadOfMakingASecond() {
    Gateway gw = gateway(Map.of());
    String task = newTask();
    sim.server.faults().injectNext(Fault.LOST_RESPONSE, 1);

    HitEvent event = gw.execute(create(task, 3));

    assertThat(event).isInstanceOf(HitCreated.class);
    assertThat(((HitCreated) event).hitId())
        .isEqualTo(
            sim.server.inspection().hits().stream()
                .filter(h -> h.taskKey().equals(task))
                .findFirst()
                .orElseThrow()
                .hitId());
    assertThat(sim.server.inspection().hitsCreatedFor(task)).isEqualTo(1);
  }

  @Test
  void anExtensionWhoseResponseWasLostIsNotDoneTwice() {
    Gateway gw = gateway(Map.of());
    String task = newTask();
    String hitId = ((HitCreated) gw.execute(create(task, 3))).hitId();
    sim.server.faults().injectNext(Fault.LOST_RESPONSE, 1);

    assertThat(gw.execute(new AddAssignments(task, hitId, 1, task + "#extend-1", 2)))
        .isEqualTo(new HitEvent.AssignmentsAdded(task, hitId, 1, 2));
    assertThat(sim.server.registry().get(hitId).maxAssignments()).isEqualTo(5);
  }

  @Test
  void anApprovalWhoseResponseWasLostStillEndsApproved() {
    Gateway gw = gateway(Map.of());
    String task = newTask();
    String hitId = ((HitCreated) gw.execute(create(task, 1))).hitId();
    sim.advance(Duration.ofHours(1));
    List<String> ids = answerIds(gw, task, hitId);
    sim.server.faults().injectNext(Fault.LOST_RESPONSE, 1);

    assertThat(gw.execute(new Approve(task, hitId, ids)))
        .isEqualTo(new HitEvent.Approved(task, hitId, ids));
  }

  @Test
  void aCallThatKeepsBeingThrottledIsReportedRetryable() {
    Gateway gw = gateway(Map.of("mturk.max-attempts", "3"));
    sim.faults(FaultSettings.NONE.withThrottleRate(1.0));
    long before = sim.calls("CreateHIT");

    HitEvent event = gw.execute(create(newTask(), 3));

    assertThat(event)
        .isInstanceOfSatisfying(
            CallFailed.class,
            f -> {
              assertThat(f.code()).isEqualTo("ThrottlingException");
              assertThat(f.retryable()).isTrue();
              assertThat(f.command()).isEqualTo("CreateHit");
            });
    assertThat(sim.calls("CreateHIT") - before).isEqualTo(3);
  }

  @Test
  void underRandomFaultsEveryTaskGetsExactlyOneHit() {
    Gateway gw = gateway(Map.of("mturk.max-attempts", "10", "mturk.exclusion.enabled", "true"));
    sim.faults(
        FaultSettings.NONE
            .withThrottleRate(0.2)
            .withServerErrorRate(0.1)
            .withLostResponseRate(0.1));
    List<String> batch = java.util.stream.IntStream.range(0, 30).mapToObj(i -> newTask()).toList();

    List<HitEvent> events =
        SimulatedMTurk.executeAll(
            gw.calls,
            batch.stream().<HitCommand>map(task -> create(task, 3)).toList(),
            8,
            Duration.ofSeconds(120));

    assertThat(events).hasSize(30).allMatch(e -> e instanceof HitCreated);
    assertThat(batch).allMatch(task -> sim.server.inspection().hitsCreatedFor(task) == 1);
    assertThat(sim.server.inspection().duplicateTasks()).isEmpty();
    // Eight creates looked the exclusion type up at once, under the same faults: still one type.
    assertThat(sim.server.registry().listQualificationTypes(null, null, 100).items()).hasSize(1);
  }

  @Test
  void anUnreachableMTurkIsReportedRetryable() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    MTurkConfig config =
        TestConfigs.mturk(
            Map.of(
                "mturk.endpoint", "http://127.0.0.1:" + closedPort,
                "mturk.max-attempts", "2",
                "mturk.backoff.initial", "PT0.01S",
                "mturk.exclusion.enabled", "false"));
    try (var client =
        MTurkClients.builder(
                config,
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b")))
            .build()) {
      CallPacer pacer =
          new CallPacer(Clock.systemUTC(), config.rateLimit(), config.backoff(), () -> 0.5);
      HitCalls calls = HitCalls.create(client, config, pacer, sim.metrics);
      double before =
          sim.counter(MTurkMetrics.CALLS, "operation", "CreateHIT", "outcome", "network_error");

      HitEvent event = calls.execute(create(newTask(), 3)).await().atMost(Duration.ofSeconds(60));

      assertThat(event)
          .isInstanceOfSatisfying(CallFailed.class, f -> assertThat(f.retryable()).isTrue());
      assertThat(
              sim.counter(MTurkMetrics.CALLS, "operation", "CreateHIT", "outcome", "network_error")
                  - before)
          .isEqualTo(2);
    }
  }

  /** Fresh call logic and pacer over the shared simulator and client, so rates start full. */
  private Gateway gateway(Map<String, String> overrides) {
    Map<String, String> values = new java.util.HashMap<>();
    values.put("mturk.rate-limit", String.valueOf(SimulatedMTurk.RATE_LIMIT));
    values.put("mturk.backoff.initial", "PT0.01S");
    values.put("mturk.backoff.max", "PT0.1S");
    values.put("mturk.backoff.min-rate", "1");
    // These count the attempts of the call under test; the exclusion type's lookup would come first
    // (WorkerExclusionTest covers it; underRandomFaultsEveryTaskGetsExactlyOneHit keeps it on).
    values.put("mturk.exclusion.enabled", "false");
    values.putAll(overrides);
    MTurkConfig config = TestConfigs.mturk(values);
    CallPacer pacer =
        new CallPacer(
            Clock.systemUTC(),
            config.rateLimit(),
            config.backoff(),
            () -> ThreadLocalRandom.current().nextDouble());
    return new Gateway(HitCalls.create(sim.client, config, pacer, sim.metrics, 2), pacer);
  }

  private record Gateway(HitCalls calls, CallPacer pacer) {
    HitEvent execute(HitCommand command) {
      return calls.execute(command).await().atMost(Duration.ofSeconds(60));
    }
  }

  private List<String> answerIds(Gateway gw, String task, String hitId) {
    return ((AssignmentsListed) gw.execute(new ListAssignments(task, hitId)))
        .answers().stream().map(WorkerAnswer::assignmentId).toList();
  }

  private String newTask() {
    return "image-contains/faults-" + tasks.incrementAndGet();
  }

  private static CreateHit create(String task, int assignments) {
    return new CreateHit(task, task + "#1", HitCallsTest.DOG_URL, "dog", assignments);
  }
}
