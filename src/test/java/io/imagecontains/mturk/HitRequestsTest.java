package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagecontains.task.TaskJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mturk.model.Comparator;
import software.amazon.awssdk.services.mturk.model.CreateHitRequest;
import software.amazon.awssdk.services.mturk.model.HITAccessActions;
import software.amazon.awssdk.services.mturk.model.QualificationRequirement;

/** The CreateHIT request a task gets: offer from config, token, annotation, the 9 cap. */
class HitRequestsTest {

  private final MTurkConfig config =
      TestConfigs.mturk(
          Map.of(
              "mturk.hit.reward", "0.1",
              "mturk.hit.qualification-requirements",
                  "000000000000000000L0:GreaterThanOrEqualTo:95,00000000000000000071:In:US|CA-QC"));
  private final HitRequests requests =
      new HitRequests(config.hit(), config.environment().externalSubmitUrl());

  @Test
  void theRequestCarriesTheOfferTheTokenAndTheTask() throws Exception {
    CreateHitRequest r =
        requests.create(
            new HitCommand.CreateHit("image-contains/t1", "tok-1", "https://x.org/a.jpg", "dog", 3),
            null);

    assertThat(r.reward()).isEqualTo("0.10");
    assertThat(r.maxAssignments()).isEqualTo(3);
    assertThat(r.lifetimeInSeconds()).isEqualTo(12 * 3600L);
    assertThat(r.assignmentDurationInSeconds()).isEqualTo(600L);
    assertThat(r.autoApprovalDelayInSeconds()).isEqualTo(3 * 86400L);
    assertThat(r.uniqueRequestToken()).isEqualTo("tok-1");
    assertThat(TaskJson.MAPPER.readTree(r.requesterAnnotation()))
        .isEqualTo(
            TaskJson.MAPPER.readTree(
                "{\"task\":\"image-contains/t1\",\"url\":\"https://x.org/a.jpg\",\"label\":\"dog\"}"));
    assertThat(r.qualificationRequirements()).hasSize(2);
  }

  @Test
  void neverMoreThanNineAssignments() {
    CreateHitRequest r =
        requests.create(
            new HitCommand.CreateHit("image-contains/t1", "tok", "https://x.org/a", "dog", 25),
            null);
    assertThat(r.maxAssignments()).isEqualTo(9);
  }

  @Test
  void excludedWorkersMayNeitherSeeNorAcceptTheHit() {
    CreateHitRequest r =
        requests.create(
            new HitCommand.CreateHit("image-contains/t1", "tok", "https://x.org/a", "dog", 3),
            "3EXCLUDED");

    assertThat(r.qualificationRequirements()).hasSize(3);
    QualificationRequirement excluded = r.qualificationRequirements().get(2);
    assertThat(excluded.qualificationTypeId()).isEqualTo("3EXCLUDED");
    assertThat(excluded.comparator()).isEqualTo(Comparator.DOES_NOT_EXIST);
    assertThat(excluded.actionsGuarded()).isEqualTo(HITAccessActions.DISCOVER_PREVIEW_AND_ACCEPT);
    assertThat(excluded.integerValues()).isEmpty();
  }

  @Test
  void aLongUrlLeavesOnlyTheTaskInTheAnnotation() {
    String url = "https://x.org/" + "a".repeat(300);
    assertThat(HitRequests.annotation("image-contains/t1", url, "dog"))
        .isEqualTo("{\"task\":\"image-contains/t1\"}");
    assertThat(HitRequests.annotation("image-contains/t1", "https://x.org/a", "dog").length())
        .isLessThanOrEqualTo(255);
  }

  @Test
  void qualificationsAreParsedAndMistakesFailFast() {
    List<QualificationRequirement> q =
        HitRequests.qualifications(
            List.of(
                "000000000000000000L0:GreaterThanOrEqualTo:95",
                "00000000000000000071:In:US|CA-QC",
                "3ABC:Exists"));
    assertThat(q.get(0).comparator()).isEqualTo(Comparator.GREATER_THAN_OR_EQUAL_TO);
    assertThat(q.get(0).integerValues()).containsExactly(95);
    assertThat(q.get(1).localeValues()).extracting(l -> l.country()).containsExactly("US", "CA");
    assertThat(q.get(1).localeValues().get(1).subdivision()).isEqualTo("QC");
    assertThat(q.get(2).comparator()).isEqualTo(Comparator.EXISTS);

    assertThatThrownBy(() -> HitRequests.qualifications(List.of("3ABC:Roughly:5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Roughly");
    assertThatThrownBy(() -> HitRequests.qualifications(List.of("3ABC")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokensLongerThanMTurkTakesAreDigestedTheSameWayEveryTime() {
    String longToken = "image-contains/" + "n".repeat(64) + "#create";
    assertThat(HitRequests.requestToken("short#1")).isEqualTo("short#1");
    assertThat(HitRequests.requestToken(longToken))
        .hasSizeLessThanOrEqualTo(64)
        .isEqualTo(HitRequests.requestToken(longToken))
        .isNotEqualTo(HitRequests.requestToken(longToken + "2"));
  }

  @Test
  void theHitIdIsFoundInHitAlreadyExistsMessages() {
    assertThat(
            HitCreation.hitIdIn(
                "There is already a HIT with this unique request token: 3ABCDEFGHIJKLMNOPQRSTUVWXYZ012",
                "tok"))
        .contains("3ABCDEFGHIJKLMNOPQRSTUVWXYZ012");
    assertThat(
            HitCreation.hitIdIn(
                "HIT \"3XYZ0123456789ABCDEFGHIJKLMNOP\" exists for token TOKEN0123456789ABCDEFGHIJ",
                "TOKEN0123456789ABCDEFGHIJ"))
        .contains("3XYZ0123456789ABCDEFGHIJKLMNOP");
    assertThat(HitCreation.hitIdIn("There is already a HIT with this unique request token.", "t"))
        .isEmpty();
  }
}
