package io.imagecontains.adjudication;

/** The figures every answer-quality case reports, with the benchmark's targets on them. */
interface CaseFigures {

  int tasks();

  int decided();

  int correct();

  /** Answers paid for: every assignment asked for. */
  long answers();

  default double accuracy() {
    return (double) correct() / decided();
  }

  default double decidedShare() {
    return (double) decided() / tasks();
  }

  default double answersPerTask() {
    return (double) answers() / tasks();
  }
}
