package io.imagecontains.mturk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The gateway's commands between the topic and MTurk: each task's commands run one after the other
 * in the order they came (an Approve before the DeleteHit that needs it), different tasks' side by
 * side, {@code concurrency} at a time. Up to {@code capacity} commands may be waiting or running;
 * {@link #room()} tells the consumer when it may hand over more. A slow command (retried while
 * MTurk throttles, or waiting out a lost response) holds back only its own task's later commands,
 * not everything read with it.
 */
final class CommandWindow {

  private final int concurrency;
  private final int capacity;
  private final Map<String, Deque<Job>> byTask = new HashMap<>();
  private final Deque<Job> ready = new ArrayDeque<>();
  private int running;
  private int accepted;
  private CompletableFuture<Void> room;

  CommandWindow(int concurrency, int capacity) {
    if (concurrency < 1 || capacity < 1) {
      throw new IllegalArgumentException("concurrency and capacity must be at least 1");
    }
    this.concurrency = concurrency;
    this.capacity = capacity;
  }

  /**
   * Queues {@code work} behind the task's earlier commands; the returned stage completes when it is
   * done (with its failure, if it fails).
   */
  CompletableFuture<Void> submit(String task, Supplier<? extends CompletionStage<?>> work) {
    Job job = new Job(task, work);
    List<Job> start;
    synchronized (this) {
      accepted++;
      Deque<Job> queue = byTask.computeIfAbsent(task, k -> new ArrayDeque<>());
      queue.add(job);
      if (queue.size() == 1) {
        ready.add(job);
      }
      start = startable();
    }
    start.forEach(this::run);
    return job.done;
  }

  /** Completes once fewer than {@code capacity} commands are waiting or running. */
  synchronized CompletableFuture<Void> room() {
    if (accepted < capacity) {
      return CompletableFuture.completedFuture(null);
    }
    if (room == null) {
      room = new CompletableFuture<>();
    }
    return room;
  }

  /** Commands waiting or running. */
  synchronized int size() {
    return accepted;
  }

  private List<Job> startable() {
    List<Job> start = new ArrayList<>();
    while (running < concurrency && !ready.isEmpty()) {
      running++;
      start.add(ready.poll());
    }
    return start;
  }

  private void run(Job job) {
    CompletionStage<?> stage;
    try {
      stage = job.work.get();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete((result, error) -> finished(job, error));
  }

  private void finished(Job job, Throwable error) {
    List<Job> start;
    CompletableFuture<Void> wake = null;
    synchronized (this) {
      running--;
      accepted--;
      Deque<Job> queue = byTask.get(job.task);
      queue.poll();
      if (queue.isEmpty()) {
        byTask.remove(job.task);
      } else {
        ready.add(queue.peek());
      }
      start = startable();
      if (room != null && accepted < capacity) {
        wake = room;
        room = null;
      }
    }
    if (error == null) {
      job.done.complete(null);
    } else {
      job.done.completeExceptionally(error);
    }
    if (wake != null) {
      wake.complete(null);
    }
    start.forEach(this::run);
  }

  private static final class Job {
    final String task;
    final Supplier<? extends CompletionStage<?>> work;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Job(String task, Supplier<? extends CompletionStage<?>> work) {
      this.task = task;
      this.work = work;
    }
  }
}
