package io.imagecontains.workforce;

import static io.imagecontains.workforce.SimulatorFixture.await;
import static io.imagecontains.workforce.SimulatorFixture.hitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mturk.model.Assignment;
import software.amazon.awssdk.services.mturk.model.Comparator;
import software.amazon.awssdk.services.mturk.model.HIT;
import software.amazon.awssdk.services.mturk.model.HITAccessActions;
import software.amazon.awssdk.services.mturk.model.HITStatus;
import software.amazon.awssdk.services.mturk.model.QualificationRequirement;
import software.amazon.awssdk.services.mturk.model.QualificationTypeStatus;

/**
 * The simulated crowd honours QualificationRequirements on the simulator's own types (a "soft
 * block" with {@code DoesNotExist}) and ignores those on MTurk's system types. The perfect crowd:
 * 20 workers A01PERFECT0001..0020, arriving 10 s after a slot opens, answering 60 s later.
 */
class SimQualificationCrowdTest {
  private static final String DOG_IMAGE = "https://img.example.org/a.jpg";
  private static final List<String> CROWD =
      IntStream.rangeClosed(1, 20)
          .mapToObj(i -> String.format(Locale.ROOT, "A01PERFECT%04d", i))
          .toList();
  private static final List<String> EXCLUDED = CROWD.subList(0, 5);
  private static final List<String> WELCOME = CROWD.subList(5, 20);

  private final SimulatorFixture sim = SimulatorFixture.withCrowd("perfect-crowd.json");

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void excludedWorkersGetNoAssignmentOfAHitRequiringTheExclusionNotToExist() {
    String excluded = createType("excluded");
    EXCLUDED.forEach(w -> grant(excluded, w));

    HIT blocked =
        sim.create(
            hitFor(DOG_IMAGE, "dog", 20)
                .qualificationRequirements(
                    requirement(excluded, Comparator.DOES_NOT_EXIST)
                        .actionsGuarded(HITAccessActions.DISCOVER_PREVIEW_AND_ACCEPT)
                        .build()));
    HIT open = sim.create(hitFor(DOG_IMAGE, "dog", 20));
    sim.advance(Duration.ofHours(1));

    assertThat(workersOf(blocked.hitId())).containsExactlyInAnyOrderElementsOf(WELCOME);
    assertThat(workersOf(open.hitId())).containsExactlyInAnyOrderElementsOf(CROWD);
    HIT left = await(sim.mturk.getHIT(b -> b.hitId(blocked.hitId()))).hit();
    assertThat(left.numberOfAssignmentsAvailable()).isEqualTo(5); // nobody else may take them
    assertThat(left.hitStatus()).isEqualTo(HITStatus.ASSIGNABLE);
  }

  @Test
  void aGrantCountsForTheNextAcceptOfAHitAlreadyOpen() {
    String excluded = createType("excluded");
    HIT hit =
        sim.create(
            hitFor(DOG_IMAGE, "dog", 20)
                .qualificationRequirements(
                    requirement(excluded, Comparator.DOES_NOT_EXIST).build()));
    sim.advance(Duration.ofSeconds(1)); // slots announced, nobody has arrived yet

    EXCLUDED.forEach(w -> grant(excluded, w));
    sim.advance(Duration.ofHours(1));

    assertThat(workersOf(hit.hitId())).containsExactlyInAnyOrderElementsOf(WELCOME);
  }

  @Test
  void aHitNobodyQualifiesForStaysOpenAndUnanswered() {
    String experts = createType("cat experts");
    HIT hit =
        sim.create(
            hitFor(DOG_IMAGE, "dog", 3)
                .qualificationRequirements(requirement(experts, Comparator.EXISTS).build()));
    sim.advance(Duration.ofHours(1));

    HIT after = await(sim.mturk.getHIT(b -> b.hitId(hit.hitId()))).hit();
    assertThat(after.hitStatus()).isEqualTo(HITStatus.ASSIGNABLE);
    assertThat(after.numberOfAssignmentsAvailable()).isEqualTo(3);
    assertThat(sim.server.registry().get(hit.hitId()).assignments()).isEmpty();
  }

  @Test
  void requirementsOnMTurkSystemTypesAreNotEnforced() {
    QualificationRequirement locale =
        QualificationRequirement.builder()
            .qualificationTypeId("00000000000000000071")
            .comparator(Comparator.IN)
            .localeValues(
                software.amazon.awssdk.services.mturk.model.Locale.builder().country("US").build())
            .build();
    QualificationRequirement approvals =
        requirement("00000000000000000040", Comparator.GREATER_THAN).integerValues(1000).build();
    QualificationRequirement approvalRate =
        requirement("000000000000000000L0", Comparator.GREATER_THAN_OR_EQUAL_TO)
            .integerValues(95)
            .build();
    QualificationRequirement masters =
        requirement("2F1QJWKUDD8XADTFD2Q0G6UTO95ALH", Comparator.EXISTS).build();

    HIT hit =
        sim.create(
            hitFor(DOG_IMAGE, "dog", 3)
                .qualificationRequirements(locale, approvals, approvalRate, masters));
    sim.advance(Duration.ofMinutes(5));

    assertThat(sim.answersOf(hit.hitId())).containsExactly("yes", "yes", "yes");
    assertThat(await(sim.mturk.getHIT(b -> b.hitId(hit.hitId()))).hit().qualificationRequirements())
        .hasSize(4);
  }

  private String createType(String name) {
    return await(
            sim.mturk.createQualificationType(
                b ->
                    b.name(name)
                        .description("for " + name)
                        .qualificationTypeStatus(QualificationTypeStatus.ACTIVE)))
        .qualificationType()
        .qualificationTypeId();
  }

  private void grant(String type, String worker) {
    await(
        sim.mturk.associateQualificationWithWorker(
            b -> b.qualificationTypeId(type).workerId(worker).integerValue(1)));
  }

  private static QualificationRequirement.Builder requirement(String type, Comparator comparator) {
    return QualificationRequirement.builder().qualificationTypeId(type).comparator(comparator);
  }

  private List<String> workersOf(String hitId) {
    return await(sim.mturk.listAssignmentsForHIT(b -> b.hitId(hitId).maxResults(100)))
        .assignments()
        .stream()
        .map(Assignment::workerId)
        .toList();
  }
}
