package io.imagecontains.adjudication;

import java.util.Locale;

/** One case of the {@link CrowdSimulation}: what the adjudicator and fixed majorities achieved. */
record CrowdReport(
    String crowd,
    double positiveRate,
    int tasks,
    int decided,
    int correct,
    long answers,
    long received,
    int majorityOf3Correct,
    int majorityOf5Correct)
    implements CaseFigures {

  double receivedPerTask() {
    return (double) received / tasks;
  }

  double majorityOf3Accuracy() {
    return (double) majorityOf3Correct / tasks;
  }

  double majorityOf5Accuracy() {
    return (double) majorityOf5Correct / tasks;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%-12s positives %3.0f%%  tasks %6d  accuracy %6.2f%%  decided %6.2f%%"
            + "  answers/task %.2f (received %.2f)  majority-of-3 %6.2f%%  majority-of-5 %6.2f%%",
        crowd,
        100 * positiveRate,
        tasks,
        100 * accuracy(),
        100 * decidedShare(),
        answersPerTask(),
        receivedPerTask(),
        100 * majorityOf3Accuracy(),
        100 * majorityOf5Accuracy());
  }
}
