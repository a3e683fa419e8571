package io.imagecontains.core;

/**
 * One answer in a partition's window of recent answers (see {@link WorkerBook}), as stored.
 *
 * @param seq order of reading, across restarts
 * @param task the task's key
 * @param workerId who answered
 * @param containsTarget what they answered
 */
public record ReadAnswer(long seq, String task, String workerId, boolean containsTarget) {}
