package io.imagecontains.adjudication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagecontains.adjudication.Decision.Decided;
import io.imagecontains.adjudication.Decision.NeedMore;
import io.imagecontains.adjudication.Decision.Undecidable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sequential test on agreement, with workers everyone trusts at 85% (so that the arithmetic is
 * easy to follow): two agreeing answers give 97%, three give 99.5%, so at a 99% threshold three
 * agreeing answers decide and two do not.
 */
class AdjudicatorTest {

  private static final AdjudicationSettings EIGHTY_FIVE_PERCENT_CROWD =
      new AdjudicationSettings(0.85, 0.85, 0.99, 9, 0.5, 4, 0.98, 1_000, 1);

  private final Adjudicator adjudicator = new Adjudicator(EIGHTY_FIVE_PERCENT_CROWD);
  private final WorkerReliability nobodyKnown = WorkerReliability.empty();

  @Test
  void firstAsksForTheFewestAnswersThatCouldDecide() {
    assertThat(adjudicator.decide(List.of(), nobodyKnown)).isEqualTo(new NeedMore(3));
  }

  @Test
  void threeAgreeingAnswersDecideEitherWay() {
    Decision yes = adjudicator.decide(answers("yes yes yes"), nobodyKnown);
    Decision no = adjudicator.decide(answers("no no no"), nobodyKnown);

    assertThat(yes)
        .isInstanceOfSatisfying(
            Decided.class,
            decided -> {
              assertThat(decided.containsTarget()).isTrue();
              assertThat(decided.confidence()).isBetween(0.99, 1.0);
              assertThat(decided.usedAssignmentIds()).containsExactly("a0", "a1", "a2");
            });
    assertThat(no)
        .isInstanceOfSatisfying(Decided.class, d -> assertThat(d.containsTarget()).isFalse());
  }

  @Test
  void twoAgreeingAnswersAreNotEnough() {
    assertThat(adjudicator.decide(answers("yes yes"), nobodyKnown)).isEqualTo(new NeedMore(1));
  }

  @Test
  void onDisagreementAsksForTheFewestThatCouldStillDecide() {
    // 2–1 is one answer ahead: two more agreeing answers would make it three ahead.
    assertThat(adjudicator.decide(answers("yes no yes"), nobodyKnown)).isEqualTo(new NeedMore(2));
    // 1–1 is back at the start.
    assertThat(adjudicator.decide(answers("yes no"), nobodyKnown)).isEqualTo(new NeedMore(3));
  }

  @Test
  void neverAsksBeyondTheCap() {
    assertThat(adjudicator.decide(answers("yes no yes no yes no yes no"), nobodyKnown))
        .isEqualTo(new NeedMore(1));
  }

  @Test
  void failsWithInsufficientAgreementAtTheCap() {
    Decision decision = adjudicator.decide(answers("yes no yes no yes no yes no yes"), nobodyKnown);

    assertThat(decision)
        .isInstanceOfSatisfying(
            Undecidable.class,
            undecidable -> {
              assertThat(undecidable.code()).isEqualTo("InsufficientAgreement");
              assertThat(undecidable.usedAssignmentIds()).hasSize(9);
            });
  }

  @Test
  void aWorkerCountsOnceHoweverOftenTheirAnswerArrives() {
    WorkerAnswer same = new WorkerAnswer("w1", "a1", true);
    List<WorkerAnswer> redelivered = List.of(same, same, same);
    List<WorkerAnswer> sameWorkerTwice =
        List.of(same, new WorkerAnswer("w1", "a2", true), new WorkerAnswer("w2", "a3", true));

    assertThat(adjudicator.decide(redelivered, nobodyKnown)).isEqualTo(new NeedMore(2));
    assertThat(adjudicator.decide(sameWorkerTwice, nobodyKnown)).isEqualTo(new NeedMore(1));
  }

  @Test
  void whenMostImagesLackTheTargetFewerAnswersDecideNo() {
    WorkerReliability mostlyNegative = new WorkerReliability(1_000, 100, Map.of(), null);

    assertThat(adjudicator.decide(answers("no no"), mostlyNegative)).isInstanceOf(Decided.class);
    assertThat(adjudicator.decide(answers("yes yes"), mostlyNegative)).isInstanceOf(NeedMore.class);
  }

  @Test
  void oneAnswerNeverDecidesHoweverGoodTheWorker() {
    WorkerStats nearlyPerfect = new WorkerStats(500, 499, 500, 499, 1);
    WorkerReliability starAndMostlyPositive =
        new WorkerReliability(1_000, 900, Map.of("star", nearlyPerfect), null);
    WorkerAnswer star = new WorkerAnswer("star", "s1", true);
    WorkerAnswer newcomer = new WorkerAnswer("new", "n1", true);

    assertThat(adjudicator.decide(List.of(star), starAndMostlyPositive)).isEqualTo(new NeedMore(1));
    assertThat(adjudicator.decide(List.of(star, newcomer), starAndMostlyPositive))
        .isInstanceOf(Decided.class);
  }

  @Test
  void theCapCannotExceedWhatAHitCanBeExtendedTo() {
    assertThatThrownBy(() -> new AdjudicationSettings(0.85, 0.85, 0.99, 10, 0.5, 4, 0.98, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAnswers");
  }

  @Test
  void theDefaultsAreValidAndRespectTheCap() {
    AdjudicationSettings defaults = AdjudicationSettings.defaults();

    assertThat(defaults.maxAnswers()).isLessThanOrEqualTo(9);
    assertThat(new Adjudicator(defaults).decide(List.of(), nobodyKnown))
        .isInstanceOf(NeedMore.class);
  }

  /** Answers from distinct newcomers, e.g. {@code "yes no yes"}. */
  static List<WorkerAnswer> answers(String spaced) {
    List<WorkerAnswer> answers = new ArrayList<>();
    for (String word : spaced.split(" ")) {
      int i = answers.size();
      answers.add(new WorkerAnswer("w" + i, "a" + i, word.equals("yes")));
    }
    return answers;
  }
}
