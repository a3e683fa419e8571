package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.mturk.HitCommand.AddAssignments;
import io.imagecontains.mturk.HitCommand.Approve;
import io.imagecontains.mturk.HitCommand.CreateHit;
import io.imagecontains.mturk.HitCommand.DeleteHit;
import io.imagecontains.mturk.HitCommand.ExpireHit;
import io.imagecontains.mturk.HitCommand.ListAssignments;
import io.imagecontains.mturk.HitEvent.AssignmentsListed;
import io.imagecontains.mturk.HitEvent.CallFailed;
import io.imagecontains.mturk.HitEvent.HitCreated;
import io.imagecontains.mturk.HitEvent.WorkerAnswer;
import io.imagecontains.workforce.inspect.HitSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gateway's call logic against the MTurk simulator over HTTP through the real SDK: each command
 * does what the core expects, repeats are harmless, and MTurk's rules come back as the right event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HitCallsTest {

  static final String DOG_URL = "https://img.example.org/a.jpg";

  private final SimulatedMTurk sim = SimulatedMTurk.withPerfectCrowd(Map.of());
  private final AtomicInteger tasks = new AtomicInteger();

  @AfterAll
  void stop() {
    sim.close();
  }

  @Test
  void createMakesTheHitWithTheConfiguredOffer() {
    String task = newTask();
    HitCreated created = create(task, 3);

    assertThat(created.taskKey()).isEqualTo(task);
    assertThat(created.maxAssignments()).isEqualTo(3);
    assertThat(created.expiresAt())
        .isEqualTo(sim.server.inspection().now().plus(Duration.ofHours(12)).toEpochMilli());
    HitSummary hit = hit(created.hitId());
    assertThat(hit.taskKey()).isEqualTo(task);
    assertThat(hit.url()).isEqualTo(DOG_URL);
    assertThat(hit.label()).isEqualTo("dog");
    var request = sim.server.registry().get(created.hitId()).request();
    assertThat(request.reward()).isEqualByComparingTo("0.05");
    assertThat(request.uniqueRequestToken()).isEqualTo(task + "#1");
  }

  @Test
  void aRepeatedCreateFindsTheSameHit() {
    String task = newTask();
    HitCreated first = create(task, 3);
    HitCreated again = create(task, 3);

    assertThat(again).isEqualTo(first);
    assertThat(sim.server.inspection().hitsCreatedFor(task)).isEqualTo(1);
  }

  @Test
  void moreThanNineAssignmentsAreClampedToNine() {
    String task = newTask();
    assertThat(create(task, 12).maxAssignments()).isEqualTo(9);
    assertThat(hit(created(task)).maxAssignments()).isEqualTo(9);
  }

  @Test
  void listReadsEveryAnswerAcrossPages() {
    String task = newTask();
    String hitId = create(task, 5).hitId();
    long listCalls = sim.calls("ListAssignmentsForHIT");
    sim.advance(Duration.ofHours(1)); // the perfect crowd answers within minutes

    AssignmentsListed listed = (AssignmentsListed) sim.execute(new ListAssignments(task, hitId));

    assertThat(listed.answers()).hasSize(5);
    assertThat(listed.answers()).extracting(WorkerAnswer::containsTarget).containsOnly(true);
    assertThat(listed.answers()).extracting(WorkerAnswer::status).containsOnly("Submitted");
    assertThat(listed.answers()).extracting(WorkerAnswer::problem).containsOnlyNulls();
    assertThat(listed.answers()).extracting(WorkerAnswer::assignmentId).doesNotHaveDuplicates();
    assertThat(sim.calls("ListAssignmentsForHIT") - listCalls).isEqualTo(3); // pages of 2
  }

  @Test
  void listOfAnOpenHitHasNoAnswersYet() {
    String task = newTask();
    String hitId = create(task, 3).hitId();

    AssignmentsListed listed = (AssignmentsListed) sim.execute(new ListAssignments(task, hitId));

    assertThat(listed.answers()).isEmpty();
    assertThat(sim.server.inspection().hitsCreatedFor(task)).isEqualTo(1);
  }

  @Test
  void reviewableNamesTheTasksOfHitsWhoseAnswersAreAllInAcrossPages() {
    String done1 = newTask();
    String done2 = newTask();
    String done3 = newTask();
    String h1 = create(done1, 1).hitId();
    String h2 = create(done2, 2).hitId();
    String h3 = create(done3, 1).hitId();
    sim.advance(Duration.ofHours(1)); // the perfect crowd answers them all
    String open = newTask();
    String h4 = create(open, 3).hitId();

    List<HitEvent.HitReviewable> listed = new ArrayList<>();
    String token = null;
    do {
      ReviewablePage page = sim.calls.reviewable(token).await().indefinitely();
      assertThat(page.hits()).hasSizeLessThanOrEqualTo(2); // the test's page size
      listed.addAll(page.hits());
      token = page.nextToken();
    } while (token != null);

    assertThat(listed)
        .contains(
            new HitEvent.HitReviewable(done1, h1, 1, false),
            new HitEvent.HitReviewable(done2, h2, 2, false),
            new HitEvent.HitReviewable(done3, h3, 1, false));
    assertThat(listed).extracting(HitEvent.HitReviewable::hitId).doesNotContain(h4);
  }

  @Test
  void anAnnotationThatNamesNoTaskIsNotOurs() {
    assertThat(HitRequests.taskOf(HitRequests.annotation("image-contains/a", "https://x/y", "z")))
        .isEqualTo("image-contains/a");
    assertThat(HitRequests.taskOf(null)).isNull();
    assertThat(HitRequests.taskOf("batch 7 of someone else's")).isNull();
    assertThat(HitRequests.taskOf("{\"task\": 3}")).isNull();
    assertThat(HitRequests.taskOf("{not json")).isNull();
  }

  @Test
  void addAssignmentsIsIdempotentByToken() {
    String task = newTask();
    String hitId = create(task, 3).hitId();
    AddAssignments add = new AddAssignments(task, hitId, 1, task + "#extend-1", 2);

    assertThat(sim.execute(add)).isEqualTo(new HitEvent.AssignmentsAdded(task, hitId, 1, 2));
    assertThat(sim.execute(add)).isEqualTo(new HitEvent.AssignmentsAdded(task, hitId, 1, 2));
    assertThat(hit(hitId).maxAssignments()).isEqualTo(5);
  }

  @Test
  void extendingToTenIsRefusedForGood() {
    String task = newTask();
    String hitId = create(task, 5).hitId();

    HitEvent event = sim.execute(new AddAssignments(task, hitId, 1, task + "#extend-1", 5));

    assertThat(event)
        .isInstanceOfSatisfying(
            CallFailed.class,
            f -> {
              assertThat(f.code())
                  .isEqualTo("AWS.MechanicalTurk.InvalidMaximumAssignmentsIncrease");
              assertThat(f.retryable()).isFalse();
              assertThat(f.command()).isEqualTo("AddAssignments");
              assertThat(f.hitId()).isEqualTo(hitId);
            });
    assertThat(hit(hitId).maxAssignments()).isEqualTo(5);
  }

  @Test
  void approveApprovesAndARepeatIsStillApproved() {
    String task = newTask();
    String hitId = create(task, 3).hitId();
    sim.advance(Duration.ofHours(1));
    List<String> ids = answers(task, hitId).stream().map(WorkerAnswer::assignmentId).toList();
    double costBefore = sim.counter(MTurkMetrics.COST);

    Approve approve = new Approve(task, hitId, ids);
    assertThat(sim.execute(approve)).isEqualTo(new HitEvent.Approved(task, hitId, ids));
    assertThat(sim.execute(approve)).isEqualTo(new HitEvent.Approved(task, hitId, ids));

    assertThat(answers(task, hitId)).extracting(WorkerAnswer::status).containsOnly("Approved");
    assertThat(sim.counter(MTurkMetrics.COST) - costBefore).isCloseTo(3 * 0.06, within());
  }

  @Test
  void expireStopsOfferingTheHit() {
    String task = newTask();
    String hitId = create(task, 3).hitId();

    assertThat(sim.execute(new ExpireHit(task, hitId)))
        .isEqualTo(new HitEvent.HitExpired(task, hitId));
    assertThat(hit(hitId).status()).isIn("Reviewable", "Unassignable");
    assertThat(sim.execute(new ExpireHit(task, hitId)))
        .isEqualTo(new HitEvent.HitExpired(task, hitId));
  }

  @Test
  void deleteIsRetryableUntilMTurkAllowsItThenDone() {
    String task = newTask();
    String hitId = create(task, 3).hitId();

    assertThat(sim.execute(new DeleteHit(task, hitId)))
        .isInstanceOfSatisfying(
            CallFailed.class,
            f -> {
              assertThat(f.code()).isEqualTo("AWS.MechanicalTurk.InvalidHITState");
              assertThat(f.retryable()).isTrue();
            });

    sim.execute(new ExpireHit(task, hitId));
    HitEvent deleted = new HitEvent.HitDeleted(task, hitId);
    assertThat(sim.execute(new DeleteHit(task, hitId))).isEqualTo(deleted);
    assertThat(hit(hitId).status()).isEqualTo("Disposed");
    assertThat(sim.execute(new DeleteHit(task, hitId))).isEqualTo(deleted); // already gone
  }

  @Test
  void commandsOnAnUnknownHitFailForGood() {
    String task = newTask();
    HitEvent event = sim.execute(new ListAssignments(task, "3NOSUCHHIT0000000000000000000X"));

    assertThat(event)
        .isInstanceOfSatisfying(
            CallFailed.class,
            f -> {
              assertThat(f.code()).isEqualTo("AWS.MechanicalTurk.HITDoesNotExist");
              assertThat(f.retryable()).isFalse();
            });
    assertThat(
            sim.counter(
                MTurkMetrics.CALLS,
                "operation",
                "ListAssignmentsForHIT",
                "outcome",
                "client_error"))
        .isPositive();
  }

  @Test
  void aHostileLabelAndUrlReachTheWorkersPageEncoded() {
    String task = newTask();
    String label = "<script>alert('x')</script> & \"dog\" ]]> <b id=\"label\">cat</b>";
    String url = "https://img.example.org/a.jpg?x=1&y=2";
    HitEvent event = sim.execute(new CreateHit(task, task + "#1", url, label, 3));
    String hitId = ((HitCreated) event).hitId();

    String question = sim.server.registry().get(hitId).request().question();
    assertThat(question)
        .doesNotContain("<script>alert")
        .doesNotContain("<b id=\"label\">cat")
        .contains("&lt;script&gt;alert(")
        .contains("&amp; &#34;dog&#34;")
        .contains("src=\"https://img.example.org/a.jpg?x=1&amp;y=2\"");
    HitSummary hit = hit(hitId);
    assertThat(hit.label()).isEqualTo(label); // the simulator's workers see the label as given
    assertThat(hit.url()).isEqualTo(url);
  }

  @Test
  void aCommandMTurkMustNeverSeeFailsForGoodWithoutACall() {
    String task = newTask();
    long before = sim.calls("CreateHIT");

    HitEvent event = sim.execute(new CreateHit(task, task + "#1", "javascript:alert(1)", "dog", 3));

    assertThat(event)
        .isInstanceOfSatisfying(
            CallFailed.class,
            f -> {
              assertThat(f.retryable()).isFalse();
              assertThat(f.code()).isEqualTo("IllegalArgumentException");
            });
    assertThat(sim.calls("CreateHIT")).isEqualTo(before);
  }

  private String newTask() {
    return "image-contains/calls-" + tasks.incrementAndGet();
  }

  private HitCreated create(String task, int assignments) {
    HitEvent event = sim.execute(new CreateHit(task, task + "#1", DOG_URL, "dog", assignments));
    assertThat(event).isInstanceOf(HitCreated.class);
    return (HitCreated) event;
  }

  private String created(String task) {
    return sim.server.inspection().hits().stream()
        .filter(h -> h.taskKey().equals(task))
        .findFirst()
        .orElseThrow()
        .hitId();
  }

  private List<WorkerAnswer> answers(String task, String hitId) {
    return ((AssignmentsListed) sim.execute(new ListAssignments(task, hitId))).answers();
  }

  private HitSummary hit(String hitId) {
    return sim.server.inspection().hits().stream()
        .filter(h -> h.hitId().equals(hitId))
        .findFirst()
        .orElseThrow();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
