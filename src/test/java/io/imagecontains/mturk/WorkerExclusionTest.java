package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.mturk.HitCommand.CreateHit;
import io.imagecontains.mturk.HitEvent.HitCreated;
import io.imagecontains.workforce.hits.Qualification;
import io.imagecontains.workforce.hits.QualificationType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keeping uninformative workers off our HITs, against the simulator over HTTP through the real SDK:
 * one qualification type, found again by name, required not to exist on every HIT, and granted to
 * each excluded worker — who then takes no more of our assignments.
 */
class WorkerExclusionTest {

  private final SimulatedMTurk sim = SimulatedMTurk.withPerfectCrowd(Map.of());

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void everyHitRequiresTheExclusionQualificationNotToExist() {
    HitCreated created = create("image-contains/e1", 3);

    List<QualificationType> types = types();
    assertThat(types)
        .singleElement()
        .extracting(QualificationType::name)
        .isEqualTo("image-contains: excluded workers");
    var required = sim.server.registry().get(created.hitId()).request().qualificationRequirements();
    assertThat(required).hasSize(1);
    assertThat(required.get(0).get("QualificationTypeId").asText()).isEqualTo(types.get(0).id());
    assertThat(required.get(0).get("Comparator").asText()).isEqualTo("DoesNotExist");
  }

  @Test
  void hitsCreatedTogetherShareOneLookupOfTheType() {
    List<HitCommand> creates =
        IntStream.range(0, 16)
            .<HitCommand>mapToObj(
                i ->
                    new CreateHit(
                        "image-contains/m" + i, "m" + i + "#1", HitCallsTest.DOG_URL, "dog", 3))
            .toList();

    List<HitEvent> events =
        SimulatedMTurk.executeAll(sim.calls, creates, 16, Duration.ofSeconds(60));

    assertThat(events).hasSize(16).allMatch(e -> e instanceof HitCreated);
    assertThat(sim.calls("ListQualificationTypes")).isOne();
    assertThat(sim.calls("CreateQualificationType")).isOne();
  }

  @Test
  void anotherInstanceFindsTheSameTypeInsteadOfMakingASecond() {
    create("image-contains/e2", 3);
    HitCalls other = HitCalls.create(sim.client, sim.config, sim.pacer, sim.metrics, 2);

    sim.await(other.exclude(HitCommand.ExcludeWorker.of("W-OTHER")));

    assertThat(types()).hasSize(1);
    assertThat(holders()).containsExactly("W-OTHER");
    assertThat(sim.counter(MTurkMetrics.EXCLUSIONS, "outcome", "excluded")).isOne();
  }

  @Test
  void anExcludedWorkerTakesNoMoreAssignmentsOfOurHits() {
    HitCreated first = create("image-contains/e3", 3);
    sim.advance(Duration.ofHours(1));
    String worker = sim.server.registry().get(first.hitId()).assignments().get(0).workerId();

    sim.await(sim.calls.exclude(HitCommand.ExcludeWorker.of(worker)));
    HitCreated later = create("image-contains/e4", 9);
    sim.advance(Duration.ofHours(1));

    assertThat(holders()).containsExactly(worker);
    assertThat(sim.server.registry().get(later.hitId()).assignments())
        .isNotEmpty()
        .noneMatch(a -> a.workerId().equals(worker));
  }

  @Test
  void turnedOffTheHitsRequireNothingAndExclusionsAreOnlyCounted() {
    try (SimulatedMTurk off =
        SimulatedMTurk.withPerfectCrowd(Map.of("mturk.exclusion.enabled", "false"))) {
      HitEvent created =
          off.execute(new CreateHit("image-contains/e5", "e5#1", HitCallsTest.DOG_URL, "dog", 3));
      off.await(off.calls.exclude(HitCommand.ExcludeWorker.of("W1")));

      var hit = off.server.registry().get(((HitCreated) created).hitId());
      assertThat(hit.request().qualificationRequirements()).isNullOrEmpty();
      assertThat(off.server.registry().listQualificationTypes(null, null, 100).items()).isEmpty();
      assertThat(off.counter(MTurkMetrics.EXCLUSIONS, "outcome", "skipped")).isOne();
    }
  }

  private HitCreated create(String task, int assignments) {
    return (HitCreated)
        sim.execute(new CreateHit(task, task + "#1", HitCallsTest.DOG_URL, "dog", assignments));
  }

  private List<QualificationType> types() {
    return sim.server.registry().listQualificationTypes(null, null, 100).items();
  }

  private List<String> holders() {
    return sim
        .server
        .registry()
        .listWorkersWithQualification(types().get(0).id(), null, null, 100)
        .items()
        .stream()
        .map(Qualification::workerId)
        .toList();
  }
}
