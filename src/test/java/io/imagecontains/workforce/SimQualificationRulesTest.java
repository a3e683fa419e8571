package io.imagecontains.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagecontains.workforce.crowd.AnswerXml;
import io.imagecontains.workforce.hits.Assignment;
import io.imagecontains.workforce.hits.AssignmentStatus;
import io.imagecontains.workforce.hits.Hit;
import io.imagecontains.workforce.hits.HitRegistry;
import io.imagecontains.workforce.hits.HitRequest;
import io.imagecontains.workforce.hits.Workplace;
import io.imagecontains.workforce.time.ManualClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Qualification requirements on the registry's Java API: comparators and when they are checked. */
class SimQualificationRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManualClock clock = new ManualClock(SimulatorFixture.START);
  private final HitRegistry registry = new HitRegistry(clock, 7, new BigDecimal("100.00"));
  private final Workplace workplace = registry.workplace();

  @Test
  void everyComparatorComparesTheWorkersIntegerValue() {
    String score = registry.createQualificationType("score", "a score", null, "Active").id();
    registry.associateQualification(score, "ATWO", 2);
    registry.associateQualification(score, "AFIVE", 5);
    List<String> workers = List.of("ATWO", "AFIVE", "ANONE");

    Map<String, List<String>> allowedBy =
        Map.of(
            "\"Exists\"", List.of("ATWO", "AFIVE"),
            "\"DoesNotExist\"", List.of("ANONE"),
            "\"EqualTo\", \"IntegerValues\": [2]", List.of("ATWO"),
            "\"NotEqualTo\", \"IntegerValues\": [2]", List.of("AFIVE"),
            "\"GreaterThan\", \"IntegerValues\": [2]", List.of("AFIVE"),
            "\"GreaterThanOrEqualTo\", \"IntegerValues\": [2]", List.of("ATWO", "AFIVE"),
            "\"LessThan\", \"IntegerValues\": [5]", List.of("ATWO"),
            "\"LessThanOrEqualTo\", \"IntegerValues\": [5]", List.of("ATWO", "AFIVE"),
            "\"In\", \"IntegerValues\": [1, 5, 9]", List.of("AFIVE"),
            "\"NotIn\", \"IntegerValues\": [1, 5, 9]", List.of("ATWO"));

    allowedBy.forEach(
        (comparator, allowed) -> {
          Hit hit =
              registry.create(
                  request(
                      "[{\"QualificationTypeId\": \""
                          + score
                          + "\", \"Comparator\": "
                          + comparator
                          + "}]"));
          assertThat(workers.stream().filter(w -> workplace.mayWork(hit, w)).toList())
              .as(comparator)
              .isEqualTo(allowed);
        });
  }

  @Test
  void everyRequirementMustBeMetAndUnknownTypesAreIgnored() {
    String excluded = registry.createQualificationType("excluded", "blocked", null, "Active").id();
    String trusted = registry.createQualificationType("trusted", "liked", null, "Active").id();
    registry.associateQualification(trusted, "ATRUSTED", 1);
    registry.associateQualification(trusted, "ABLOCKED", 1);
    registry.associateQualification(excluded, "ABLOCKED", 1);
    Hit hit =
        registry.create(
            request(
                "[{\"QualificationTypeId\": \""
                    + excluded
                    + "\", \"Comparator\": \"DoesNotExist\", \"ActionsGuarded\": \"Accept\"},"
                    + " {\"QualificationTypeId\": \""
                    + trusted
                    + "\", \"Comparator\": \"Exists\"},"
                    + " {\"QualificationTypeId\": \"00000000000000000071\", \"Comparator\": \"In\","
                    + " \"LocaleValues\": [{\"Country\": \"US\"}]}]"));

    assertThat(workplace.accept(hit.id(), "ABLOCKED")).isEmpty();
    assertThat(workplace.accept(hit.id(), "ASTRANGER")).isEmpty();
    assertThat(workplace.accept(hit.id(), "ATRUSTED")).isPresent();
  }

  @Test
  void aGrantStopsFurtherAcceptsButNotAnAssignmentAlreadyAccepted() {
    String excluded = registry.createQualificationType("excluded", "blocked", null, "Active").id();
    String soft =
        "[{\"QualificationTypeId\": \"" + excluded + "\", \"Comparator\": \"DoesNotExist\"}]";
    Hit first = registry.create(request(soft));
    Hit second = registry.create(request(soft));
    Assignment taken = workplace.accept(first.id(), "ASPAMMER").orElseThrow();

    registry.associateQualification(excluded, "ASPAMMER", 1);
    clock.advance(Duration.ofMinutes(1));
    workplace.submit(taken.id(), AnswerXml.clean("yes"));

    assertThat(registry.read(taken::status)).isEqualTo(AssignmentStatus.Submitted);
    assertThat(workplace.mayWork(second, "ASPAMMER")).isFalse();
    assertThat(workplace.accept(second.id(), "ASPAMMER")).isEmpty();
    assertThat(workplace.accept(second.id(), "AHONEST")).isPresent();

    registry.disassociateQualification(excluded, "ASPAMMER");
    assertThat(workplace.accept(second.id(), "ASPAMMER")).isPresent(); // revoked counts as absent
  }

  @Test
  void aHitWithoutRequirementsIsOpenToEveryone() {
    registry.createQualificationType("excluded", "blocked", null, "Active");
    Hit hit = registry.create(request(null));
    assertThat(workplace.mayWork(hit, "ANYONE")).isTrue();
    assertThat(workplace.accept(hit.id(), "ANYONE")).isPresent();
  }

  private static HitRequest request(String requirements) {
    try {
      JsonNode json = requirements == null ? null : JSON.readTree(requirements);
      return new HitRequest(
          "Does this image contain a dog?",
          "yes or no",
          null,
          new BigDecimal("0.05"),
          3,
          Duration.ofHours(6),
          Duration.ofMinutes(10),
          Duration.ofDays(3),
          SimulatorFixture.question("https://img.example.org/a.jpg", "dog"),
          null,
          null,
          json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
