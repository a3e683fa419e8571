package io.imagecontains.core;

import io.imagecontains.mturk.HitEvent;
import io.imagecontains.task.HitWork;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges a listing of a HIT's assignments into what the core knows, by assignment id: a listing
 * repeated or out of date adds nothing. New answers reset the polling backoff.
 */
final class AnswerMerge {

  private AnswerMerge() {}

  static HitWork merge(HitWork work, HitEvent.AssignmentsListed listed) {
    Set<String> known = work.receivedIds();
    List<HitWork.Answer> answers = new ArrayList<>(work.answers());
    List<String> unreadable = new ArrayList<>(work.unreadable());
    Set<String> approved = new LinkedHashSet<>(work.approved());
    for (HitEvent.WorkerAnswer answer : listed.answers()) {
      if ("Approved".equals(answer.status())) {
        approved.add(answer.assignmentId()); // e.g. auto-approved: no need to approve again
      }
      if (!known.add(answer.assignmentId())) {
        continue;
      }
      if (answer.containsTarget() == null) {
        unreadable.add(answer.assignmentId());
      } else {
        answers.add(
            new HitWork.Answer(
                answer.assignmentId(),
                answer.workerId(),
                answer.containsTarget(),
                answer.submittedAt()));
      }
    }
    boolean fresh = answers.size() + unreadable.size() > work.received();
    return work.withAnswers(answers, unreadable, fresh ? 0 : work.pollAttempt())
        .withApproved(List.copyOf(approved));
  }
}
