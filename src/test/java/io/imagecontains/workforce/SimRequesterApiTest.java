package io.imagecontains.workforce;

import static io.imagecontains.workforce.SimulatorFixture.await;
import static io.imagecontains.workforce.SimulatorFixture.hitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mturk.model.Assignment;
import software.amazon.awssdk.services.mturk.model.AssignmentStatus;
import software.amazon.awssdk.services.mturk.model.HIT;
import software.amazon.awssdk.services.mturk.model.HITStatus;
import software.amazon.awssdk.services.mturk.model.ListAssignmentsForHitResponse;
import software.amazon.awssdk.services.mturk.model.ListReviewableHiTsResponse;
import software.amazon.awssdk.services.mturk.model.RequestErrorException;
import software.amazon.awssdk.services.mturk.model.ReviewableHITStatus;

/** The Requester API through the real SDK over HTTP: HITs, answers, listings, review, balance. */
class SimRequesterApiTest {
  private static final String DOG_IMAGE = "https://img.example.org/a.jpg";
  private final SimulatorFixture sim = SimulatorFixture.withCrowd("perfect-crowd.json");

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void workersAnswerAccordingToTheTruthFile() {
    HIT dog = sim.create(hitFor(DOG_IMAGE, "dog", 3));
    HIT cat = sim.create(hitFor(DOG_IMAGE, "cat", 3));
    HIT bird = sim.create(hitFor("https://img.example.org/q?x=1,2", "bird", 1));
    assertThat(dog.hitStatus()).isEqualTo(HITStatus.ASSIGNABLE);
    assertThat(dog.numberOfAssignmentsAvailable()).isEqualTo(3);

    sim.advance(Duration.ofSeconds(30)); // workers arrive after 10 s, answer after 60 s more
    HIT working = getHit(dog.hitId());
    assertThat(working.hitStatus()).isEqualTo(HITStatus.UNASSIGNABLE);
    assertThat(working.numberOfAssignmentsPending()).isEqualTo(3);
    assertThat(sim.answersOf(dog.hitId())).isEmpty();

    sim.advance(Duration.ofMinutes(2));
    assertThat(sim.answersOf(dog.hitId())).containsExactly("yes", "yes", "yes");
    assertThat(sim.answersOf(cat.hitId())).containsExactly("no", "no", "no");
    assertThat(sim.answersOf(bird.hitId())).containsExactly("yes");
    HIT done = getHit(dog.hitId());
    assertThat(done.hitStatus()).isEqualTo(HITStatus.REVIEWABLE);
    assertThat(done.numberOfAssignmentsPending()).isZero();
    assertThat(done.numberOfAssignmentsCompleted()).isZero(); // none approved or rejected yet
  }

  @Test
  void answersAreQuestionFormAnswersFromDistinctWorkers() {
    HIT hit = sim.create(hitFor(DOG_IMAGE, "dog", 9));
    sim.advance(Duration.ofMinutes(5));
    List<Assignment> assignments = listAll(hit.hitId(), 100);
    assertThat(assignments).hasSize(9);
    assertThat(assignments).extracting(Assignment::workerId).doesNotHaveDuplicates();
    assertThat(assignments.get(0).answer())
        .contains("QuestionFormAnswers.xsd")
        .contains("<QuestionIdentifier>answer</QuestionIdentifier><FreeText>yes</FreeText>");
    Assignment first = assignments.get(0);
    assertThat(first.submitTime()).isEqualTo(first.acceptTime().plusSeconds(60));
    assertThat(first.autoApprovalTime()).isEqualTo(first.submitTime().plus(Duration.ofDays(3)));
  }

  @Test
  void listsAssignmentsPageByPageAndByStatus() {
    HIT hit = sim.create(hitFor(DOG_IMAGE, "dog", 7));
    sim.advance(Duration.ofMinutes(5));

    List<Assignment> pages = new ArrayList<>();
    String token = null;
    int calls = 0;
    do {
      String next = token;
      ListAssignmentsForHitResponse page =
          await(
              sim.mturk.listAssignmentsForHIT(
                  b -> b.hitId(hit.hitId()).maxResults(3).nextToken(next)));
      pages.addAll(page.assignments());
      assertThat(page.numResults()).isEqualTo(page.assignments().size());
      token = page.nextToken();
      calls++;
    } while (token != null);
    assertThat(calls).isEqualTo(3);
    assertThat(pages).hasSize(7).extracting(Assignment::assignmentId).doesNotHaveDuplicates();

    approve(pages.get(0).assignmentId());
    approve(pages.get(1).assignmentId());
    var submitted =
        await(
            sim.mturk.listAssignmentsForHIT(
                b -> b.hitId(hit.hitId()).assignmentStatuses(AssignmentStatus.SUBMITTED)));
    assertThat(submitted.assignments()).hasSize(5);
  }

  @Test
  void approvalChargesRewardPlusFeeAndHappensOnce() {
    String before = await(sim.mturk.getAccountBalance(b -> {})).availableBalance();
    HIT hit = sim.create(hitFor(DOG_IMAGE, "dog", 1));
    sim.advance(Duration.ofMinutes(5));
    String assignmentId = listAll(hit.hitId(), 10).get(0).assignmentId();

    approve(assignmentId);

    var approved = await(sim.mturk.getAssignment(b -> b.assignmentId(assignmentId))).assignment();
    assertThat(approved.assignmentStatus()).isEqualTo(AssignmentStatus.APPROVED);
    assertThat(before).isEqualTo("10000.00");
    assertThat(await(sim.mturk.getAccountBalance(b -> {})).availableBalance())
        .isEqualTo("9999.94"); // $0.05 reward + $0.01 fee (20%, at least one cent)
    assertThat(getHit(hit.hitId()).numberOfAssignmentsCompleted()).isEqualTo(1);
    assertThatThrownBy(() -> approve(assignmentId))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e ->
                assertThat(e.turkErrorCode())
                    .isEqualTo("AWS.MechanicalTurk.InvalidAssignmentState"));
  }

  @Test
  void rejectionNeedsFeedbackAndCanBeOverriddenByApproval() {
    HIT hit = sim.create(hitFor(DOG_IMAGE, "dog", 1));
    sim.advance(Duration.ofMinutes(5));
    String id = listAll(hit.hitId(), 10).get(0).assignmentId();

    assertThatThrownBy(() -> await(sim.mturk.rejectAssignment(b -> b.assignmentId(id))))
        .isInstanceOf(RequestErrorException.class);
    await(sim.mturk.rejectAssignment(b -> b.assignmentId(id).requesterFeedback("not an answer")));
    assertThat(listAll(hit.hitId(), 10).get(0).assignmentStatus())
        .isEqualTo(AssignmentStatus.REJECTED);

    await(sim.mturk.approveAssignment(b -> b.assignmentId(id).overrideRejection(true)));
    assertThat(listAll(hit.hitId(), 10).get(0).assignmentStatus())
        .isEqualTo(AssignmentStatus.APPROVED);
  }

  @Test
  void listsReviewableHitsPageByPage() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(sim.create(hitFor(DOG_IMAGE + "?" + i, "dog", 1)).hitId());
    }
    assertThat(await(sim.mturk.listReviewableHITs(b -> {})).hiTs()).isEmpty();
    sim.advance(Duration.ofMinutes(5));

    ListReviewableHiTsResponse first = await(sim.mturk.listReviewableHITs(b -> b.maxResults(2)));
    ListReviewableHiTsResponse second =
        await(sim.mturk.listReviewableHITs(b -> b.maxResults(2).nextToken(first.nextToken())));
    assertThat(first.hiTs()).extracting(HIT::hitId).containsExactly(ids.get(0), ids.get(1));
    assertThat(second.hiTs()).extracting(HIT::hitId).containsExactly(ids.get(2));
    assertThat(second.nextToken()).isNull();

    await(sim.mturk.updateHITReviewStatus(b -> b.hitId(ids.get(1)).revert(false)));
    var reviewing =
        await(sim.mturk.listReviewableHITs(b -> b.status(ReviewableHITStatus.REVIEWING)));
    assertThat(reviewing.hiTs()).extracting(HIT::hitId).containsExactly(ids.get(1));
  }

  @Test
  void unknownHitIsARequestErrorWithTurkCode() {
    assertThatThrownBy(() -> getHit("3NOSUCHHIT0000000000000000000"))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e -> {
              assertThat(e.turkErrorCode()).isEqualTo("AWS.MechanicalTurk.HITDoesNotExist");
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestError");
            });
  }

  private HIT getHit(String hitId) {
    return await(sim.mturk.getHIT(b -> b.hitId(hitId))).hit();
  }

  private void approve(String assignmentId) {
    await(sim.mturk.approveAssignment(b -> b.assignmentId(assignmentId)));
  }

  private List<Assignment> listAll(String hitId, int max) {
    return await(sim.mturk.listAssignmentsForHIT(b -> b.hitId(hitId).maxResults(max)))
        .assignments();
  }
}
