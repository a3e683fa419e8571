package io.imagecontains.adjudication;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The window that worker reliability is fitted to: the answers read last, decided tasks or not, at
 * most {@code windowAnswers} of them, and when the next fit is due (every {@code refitEvery}
 * answers). Not thread-safe; one per partition.
 */
public final class RecentAnswers {

  private record Read(String task, WorkerAnswer answer) {}

  private final ArrayDeque<Read> window = new ArrayDeque<>();
  private final int capacity;
  private final int refitEvery;
  private int sinceFit;

  public RecentAnswers(AdjudicationSettings settings) {
    this.capacity = settings.windowAnswers();
    this.refitEvery = settings.refitEvery();
  }

  /**
   * Adds a task's newly read answers, forgetting the oldest beyond the capacity.
   *
   * @return whether a fit is due now (the count towards the next one starts over)
   */
  public boolean add(String task, List<WorkerAnswer> answers) {
    for (WorkerAnswer answer : answers) {
      window.addLast(new Read(task, answer));
      if (window.size() > capacity) {
        window.removeFirst();
      }
    }
    sinceFit += answers.size();
    if (sinceFit < refitEvery) {
      return false;
    }
    sinceFit = 0;
    return true;
  }

  /** The window's answers grouped by task, tasks in order of their oldest answer in it. */
  public Collection<List<WorkerAnswer>> byTask() {
    Map<String, List<WorkerAnswer>> tasks = new LinkedHashMap<>();
    for (Read read : window) {
      tasks.computeIfAbsent(read.task(), k -> new ArrayList<>()).add(read.answer());
    }
    return tasks.values();
  }

  public int size() {
    return window.size();
  }
}
