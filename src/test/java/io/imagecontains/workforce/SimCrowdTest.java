package io.imagecontains.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.imagecontains.workforce.crowd.AnswerPoison;
import io.imagecontains.workforce.crowd.Behaviour;
import io.imagecontains.workforce.crowd.CrowdFile;
import io.imagecontains.workforce.crowd.CrowdSpec;
import io.imagecontains.workforce.crowd.GroundTruth;
import io.imagecontains.workforce.crowd.LogNormal;
import io.imagecontains.workforce.crowd.SimulatedCrowd;
import io.imagecontains.workforce.crowd.SimulatedWorker;
import io.imagecontains.workforce.crowd.WorkerGroup;
import io.imagecontains.workforce.hits.Assignment;
import io.imagecontains.workforce.hits.AssignmentStatus;
import io.imagecontains.workforce.hits.Hit;
import io.imagecontains.workforce.hits.HitRegistry;
import io.imagecontains.workforce.hits.HitRequest;
import io.imagecontains.workforce.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated crowd and ground truth on the registry's Java API, without HTTP. */
class SimCrowdTest {
  private static final LogNormal FAST_ARRIVAL = new LogNormal(10, 0);
  private static final LogNormal ONE_MINUTE = new LogNormal(60, 0);

  private final ManualClock clock = new ManualClock(SimulatorFixture.START);
  private final HitRegistry registry = new HitRegistry(clock, 7, new BigDecimal("100.00"));

  @Test
  void theDefaultCrowdIsHonestRandomAndYesSayers() {
    CrowdSpec spec = CrowdFile.loadDefault();
    SimulatedCrowd crowd = new SimulatedCrowd(spec, GroundTruth.hashed(0.5), AnswerPoison.NONE, 1);
    assertThat(spec.size()).isEqualTo(100);
    assertThat(crowd.workers())
        .extracting(SimulatedWorker::behaviour)
        .containsOnly(Behaviour.HONEST, Behaviour.RANDOM, Behaviour.ALWAYS_YES);
    assertThat(crowd.workers().stream().filter(w -> w.behaviour() == Behaviour.HONEST))
        .allSatisfy(w -> assertThat(w.accuracy()).isBetween(0.80, 0.97));
    assertThat(crowd.workers().get(0).id()).isEqualTo("A01HONEST0001");
  }

  @Test
  void aBadCrowdFileSaysWhatIsWrong() {
    String json =
        "{\"arrival\":{\"medianSeconds\":10,\"sigma\":0},\"groups\":[{\"name\":\"x\",\"count\":1,"
            + "\"behaviour\":\"lazy\",\"latency\":{\"medianSeconds\":5,\"sigma\":0}}]}";
    assertThatThrownBy(
            () ->
                CrowdFile.parse(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t"))
        .hasMessageContaining("unknown behaviour 'lazy'");
  }

  @Test
  void truthComesFromTheFileElseFromAStableHash() {
    GroundTruth truth =
        GroundTruth.load(SimulatorFixture.resource("simulator/test-truth.csv"), 0.2);
    assertThat(truth.listedCount()).isEqualTo(3);
    assertThat(truth.contains("https://img.example.org/a.jpg", "dog")).isTrue();
    assertThat(truth.contains("https://img.example.org/a.jpg", "cat")).isFalse();
    assertThat(truth.contains("https://img.example.org/q?x=1,2", "bird")).isTrue();

    GroundTruth again = GroundTruth.hashed(0.2);
    int positives = 0;
    for (int i = 0; i < 20_000; i++) {
      boolean t = truth.contains("https://img.example.org/" + i + ".jpg", "dog");
      assertThat(again.contains("https://img.example.org/" + i + ".jpg", "dog")).isEqualTo(t);
      positives += t ? 1 : 0;
    }
    assertThat(positives / 20_000.0).isCloseTo(0.2, within(0.015));
  }

  @Test
  void honestWorkersAreAsAccurateAsTheirSpec() {
    GroundTruth truth = GroundTruth.hashed(0.5);
    crowd(new WorkerGroup("uniform", 50, Behaviour.HONEST, List.of(0.85), ONE_MINUTE, 0), truth);
    for (int i = 0; i < 2000; i++) {
      registry.create(request("https://img.example.org/" + i + ".jpg", "dog", 1));
    }
    clock.advance(Duration.ofMinutes(5));

    long correct =
        registry.hits().stream()
            .filter(h -> yes(h.assignments().get(0)) == truth.contains(urlOf(h), "dog"))
            .count();
    assertThat(correct / 2000.0).isCloseTo(0.85, within(0.03));
  }

  @Test
  void yesSayersSayYesWhateverTheTruth() {
    crowd(
        new WorkerGroup("yes", 10, Behaviour.ALWAYS_YES, null, ONE_MINUTE, 0),
        GroundTruth.hashed(0));
    Hit hit = registry.create(request("https://img.example.org/none.jpg", "dog", 5));
    clock.advance(Duration.ofMinutes(5));
    assertThat(registry.get(hit.id()).assignments())
        .hasSize(5)
        .allSatisfy(a -> assertThat(yes(a)).isTrue());
  }

  @Test
  void aWorkerNeverTakesTwoAssignmentsOfOneHit() {
    crowd(
        new WorkerGroup("few", 12, Behaviour.HONEST, List.of(1.0), ONE_MINUTE, 0),
        GroundTruth.hashed(0.5));
    Hit hit = registry.create(request("https://img.example.org/x.jpg", "dog", 15));
    clock.advance(Duration.ofHours(1));
    List<Assignment> done = registry.get(hit.id()).assignments();
    assertThat(done).hasSize(12).extracting(Assignment::workerId).doesNotHaveDuplicates();
    assertThat(registry.read(hit::availableCount)).isEqualTo(3); // the crowd is exhausted
  }

  @Test
  void anAbandonedAssignmentReturnsToTheCrowdAtItsDeadline() {
    crowd(
        new WorkerGroup("quitters", 3, Behaviour.HONEST, List.of(1.0), ONE_MINUTE, 1.0),
        GroundTruth.hashed(0.5));
    Hit hit = registry.create(request("https://img.example.org/x.jpg", "dog", 1));
    clock.advance(Duration.ofMinutes(1));
    assertThat(registry.read(hit::pendingCount)).isEqualTo(1);

    clock.advance(Duration.ofMinutes(10)); // the 10-minute assignment duration has passed
    List<AssignmentStatus> statuses =
        registry.read(() -> hit.assignments().stream().map(Assignment::status).toList());
    assertThat(statuses).startsWith(AssignmentStatus.Abandoned).contains(AssignmentStatus.Accepted);
    assertThat(registry.review().listAssignments(hit.id(), null, null, null).items()).isEmpty();
  }

  @Test
  void poisonedAnswersAreBrokenInTheConfiguredWays() {
    crowd(
        new WorkerGroup("honest", 30, Behaviour.HONEST, List.of(1.0), ONE_MINUTE, 0),
        GroundTruth.hashed(0.5),
        new AnswerPoison(0.3, 0.3, 0.3));
    for (int i = 0; i < 300; i++) {
      registry.create(request("https://img.example.org/" + i + ".jpg", "dog", 1));
    }
    clock.advance(Duration.ofMinutes(5));
    List<String> answers =
        registry.hits().stream().map(h -> h.assignments().get(0).answer()).toList();
    long xxe = answers.stream().filter(a -> a.contains("<!ENTITY xxe SYSTEM")).count();
    long unknown = answers.stream().filter(a -> a.contains("<FreeText>maybe</FreeText>")).count();
    long malformed = answers.stream().filter(a -> !a.endsWith("</QuestionFormAnswers>")).count();
    assertThat(List.of(xxe, unknown, malformed))
        .allSatisfy(n -> assertThat(n).isBetween(60L, 120L));
  }

  @Test
  void aGroupsOwnPoisonAppliesToItsWorkersOnlyAndXxePointsAtTheConfiguredTarget() throws Exception {
    String file =
        """
        {"arrival": {"medianSeconds": 10, "sigma": 0},
         "groups": [
           {"name": "honest", "count": 5, "behaviour": "honest",
            "latency": {"medianSeconds": 60, "sigma": 0}},
           {"name": "xxe", "count": 5, "behaviour": "honest",
            "latency": {"medianSeconds": 60, "sigma": 0}, "poison": {"xxeRate": 1.0}}]}
        """;
    CrowdSpec spec =
        CrowdFile.parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "test");
    registry.addWorkerSource(
        new SimulatedCrowd(
            spec,
            GroundTruth.hashed(0.5),
            AnswerPoison.NONE.withXxeTarget("http://127.0.0.1:9/recorder"),
            11));
    for (int i = 0; i < 100; i++) {
      registry.create(request("https://img.example.org/" + i + ".jpg", "dog", 1));
    }
    clock.advance(Duration.ofMinutes(5));
    for (Hit hit : registry.hits()) {
      Assignment a = hit.assignments().get(0);
      if (a.workerId().startsWith("A02XXE")) {
        assertThat(a.answer())
            .contains("<!ENTITY % dtd SYSTEM \"http://127.0.0.1:9/recorder?parameter-entity\">")
            .contains("<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/recorder?general-entity\">")
            .contains("<FreeText>&xxe;</FreeText>");
      } else {
        assertThat(a.answer()).doesNotContain("DOCTYPE").containsPattern("<FreeText>(yes|no)<");
      }
    }
  }

  private void crowd(WorkerGroup group, GroundTruth truth) {
    crowd(group, truth, AnswerPoison.NONE);
  }

  private void crowd(WorkerGroup group, GroundTruth truth, AnswerPoison poison) {
    CrowdSpec spec = new CrowdSpec(FAST_ARRIVAL, List.of(group));
    registry.addWorkerSource(new SimulatedCrowd(spec, truth, poison, 11));
  }

  private static HitRequest request(String url, String label, int assignments) {
    return new HitRequest(
        "Does this image contain a " + label + "?",
        "yes or no",
        null,
        new BigDecimal("0.05"),
        assignments,
        Duration.ofHours(6),
        Duration.ofMinutes(10),
        Duration.ofDays(3),
        SimulatorFixture.question(url, label),
        null,
        null,
        null);
  }

  private static boolean yes(Assignment a) {
    return a.answer().contains("<FreeText>yes</FreeText>");
  }

  private static String urlOf(Hit hit) {
    return hit.request().question().replaceAll("(?s).*src=\"([^\"]*)\".*", "$1");
  }

  @Test
  void settingsComeFromNamedProperties() {
    Map<String, String> props =
        Map.of(
            "simulator.port", "9100",
            "simulator.time-scale", "3600",
            "simulator.crowd-file", "/tmp/crowd.json",
            "simulator.faults.throttle-rate", "0.25",
            "simulator.faults.latency-ms", "40");
    SimulatorSettings s =
        new SettingsReader(n -> java.util.Optional.ofNullable(props.get(n))).read();
    assertThat(s.port()).isEqualTo(9100);
    assertThat(s.timeScale()).isEqualTo(3600);
    assertThat(s.crowdFile()).contains(java.nio.file.Path.of("/tmp/crowd.json"));
    assertThat(s.truthFile()).isEmpty();
    assertThat(s.faults().throttleRate()).isEqualTo(0.25);
    assertThat(s.faults().fixedLatency()).isEqualTo(Duration.ofMillis(40));
    assertThat(SimulatorMain.parse(new String[] {"--port", "8099", "--time-scale", "60"}))
        .containsEntry("simulator.port", "8099")
        .containsEntry("simulator.time-scale", "60");
  }

  @Test
  void standaloneSimulatorReadsTheEnvironmentAsContainersSetIt() {
    Map<String, String> env =
        Map.of(
            "SIMULATOR_HOST", "0.0.0.0",
            "SIMULATOR_PORT", "9200",
            "SIMULATOR_TIME_SCALE", "120",
            "SIMULATOR_FAULTS_THROTTLE_RATE", "0.1");
    Map<String, String> sysProps = Map.of("simulator.time-scale", "30");
    SimulatorSettings s =
        new SettingsReader(
                SimulatorMain.lookup(
                    SimulatorMain.parse(new String[] {"--port", "9300"}), sysProps::get, env))
            .read();
    assertThat(s.host()).isEqualTo("0.0.0.0");
    assertThat(s.port()).as("a flag beats the environment").isEqualTo(9300);
    assertThat(s.timeScale()).as("a system property beats the environment").isEqualTo(30);
    assertThat(s.faults().throttleRate()).isEqualTo(0.1);
  }
}
