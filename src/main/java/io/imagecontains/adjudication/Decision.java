package io.imagecontains.adjudication;

import java.util.List;

/** What the {@link Adjudicator} concludes from the answers a task has so far. */
public sealed interface Decision {

  /** The failure code a task gets when the cap is reached without confidence. */
  String INSUFFICIENT_AGREEMENT = "InsufficientAgreement";

  /**
   * The posterior of one side reached the confidence threshold.
   *
   * @param confidence the posterior probability of {@code containsTarget}
   * @param usedAssignmentIds the assignments the decision rests on (to approve)
   */
  record Decided(boolean containsTarget, double confidence, List<String> usedAssignmentIds)
      implements Decision {
    public Decided {
      usedAssignmentIds = List.copyOf(usedAssignmentIds);
    }
  }

  /**
   * Not confident yet. The count is relative to the answers passed in: the caller subtracts the
   * assignments still outstanding before asking MTurk for more.
   *
   * @param additionalAnswers the fewest further answers that could reach confidence (≥ 1, never
   *     past the cap)
   */
  record NeedMore(int additionalAnswers) implements Decision {}

  /**
   * The cap was reached without confidence: the task fails with {@link #INSUFFICIENT_AGREEMENT}.
   *
   * @param leaning the side the evidence favours, for diagnostics only
   * @param confidence the posterior probability of {@code leaning}
   * @param usedAssignmentIds the assignments received (workers did the work: approve them)
   */
  record Undecidable(boolean leaning, double confidence, List<String> usedAssignmentIds)
      implements Decision {
    public Undecidable {
      usedAssignmentIds = List.copyOf(usedAssignmentIds);
    }

    public String code() {
      return INSUFFICIENT_AGREEMENT;
    }
  }
}
