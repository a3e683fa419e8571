package io.imagecontains.adjudication;

/**
 * An answer together with how likely its task is positive, as a lesson for {@link
 * WorkerReliability}.
 */
public record LabelledAnswer(WorkerAnswer answer, double positiveProbability) {}
