package io.imagecontains.mturk;

import io.imagecontains.workforce.SimulatorSettings;
import io.imagecontains.workforce.WorkforceServer;
import io.imagecontains.workforce.protocol.FaultSettings;
import io.imagecontains.workforce.time.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.mturk.MTurkAsyncClient;

/**
 * The MTurk simulator in-process on a free port, in simulated time the test moves, and the
 * gateway's call logic ({@link HitCalls}) talking to it over HTTP through the real SDK client,
 * built as the service builds it (only the credentials are static dummies).
 */
final class SimulatedMTurk implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
  static final double RATE_LIMIT = 50;

  final ManualClock simClock = new ManualClock(START);
  final WorkforceServer server;
  final MTurkConfig config;
  final MTurkAsyncClient client;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MTurkMetrics metrics = new MTurkMetrics(registry);
  final CallPacer pacer;
  final HitCalls calls;

  SimulatedMTurk(SimulatorSettings settings, Map<String, String> overrides) {
    server = WorkforceServer.start(settings.withPort(0), simClock);
    Map<String, String> values = new HashMap<>();
    values.put("mturk.endpoint", server.endpoint().toString());
    values.put("mturk.rate-limit", String.valueOf(RATE_LIMIT));
    values.put("mturk.max-attempts", "6");
    values.put("mturk.backoff.initial", "PT0.01S");
    values.put("mturk.backoff.max", "PT0.1S");
    values.put("mturk.backoff.min-rate", "1");
    values.putAll(overrides);
    config = TestConfigs.mturk(values);
    client =
        MTurkClients.builder(
                config,
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDSIMULATOR", "not-a-secret")))
            .build();
    // Real time for the pacer: its waits are real timers. Simulated time only moves the crowd.
    pacer =
        new CallPacer(
            Clock.systemUTC(),
            config.rateLimit(),
            config.backoff(),
            () -> ThreadLocalRandom.current().nextDouble());
    calls = HitCalls.create(client, config, pacer, metrics, 2);
  }

  /** The test crowd and truth file: honest, perfect workers who answer within minutes. */
  static SimulatedMTurk withPerfectCrowd(Map<String, String> overrides) {
    return new SimulatedMTurk(perfectCrowd(), overrides);
  }

  static SimulatorSettings perfectCrowd() {
    return SimulatorSettings.defaults()
        .withCrowdFile(resource("simulator/perfect-crowd.json"))
        .withTruthFile(resource("simulator/test-truth.csv"));
  }

  HitEvent execute(HitCommand command) {
    return calls.execute(command).await().atMost(Duration.ofSeconds(60));
  }

  /** Executes the commands through {@code calls}, {@code atOnce} of them at a time. */
  static List<HitEvent> executeAll(
      HitCalls calls, List<HitCommand> commands, int atOnce, Duration within) {
    return Multi.createFrom()
        .iterable(commands)
        .onItem()
        .transformToUni(calls::execute)
        .merge(atOnce)
        .collect()
        .asList()
        .await()
        .atMost(within);
  }

  <T> T await(Uni<T> uni) {
    return uni.await().atMost(Duration.ofSeconds(60));
  }

  void advance(Duration simulated) {
    simClock.advance(simulated);
  }

  void faults(FaultSettings faults) {
    server.faults().update(faults);
  }

  long calls(String operation) {
    return server.inspection().callsByOperation().getOrDefault(operation, 0L);
  }

  double counter(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  static Path resource(String name) {
    try {
      return Path.of(SimulatedMTurk.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
