package io.imagecontains.mturk;

import io.imagecontains.mturk.HitEvent.WorkerAnswer;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.mturk.model.Assignment;

/**
 * Answers {@link HitCommand.ListAssignments}: every submitted, approved or rejected assignment
 * (following {@code NextToken} to the end), each answer parsed. One call for a HIT of up to 100
 * assignments: the core knows how many it asked for, so the HIT's own counts are not read.
 */
final class AssignmentListing {

  /** MTurk's largest page. */
  static final int PAGE_SIZE = 100;

  /** A HIT has at most 9 assignments here; this only stops a listing that never ends. */
  private static final int MAX_PAGES = 100;

  private final MTurkOperations mturk;
  private final AnswerParser parser;
  private final MTurkMetrics metrics;
  private final int pageSize;

  AssignmentListing(
      MTurkOperations mturk, AnswerParser parser, MTurkMetrics metrics, int pageSize) {
    this.mturk = mturk;
    this.parser = parser;
    this.metrics = metrics;
    this.pageSize = pageSize;
  }

  Uni<HitEvent> list(HitCommand.ListAssignments c) {
    return pages(c.hitId(), null, new LinkedHashMap<>(), 1).map(all -> listed(c, all));
  }

  /** Keyed by assignment id, so a page boundary that shifts cannot list one twice. */
  private Uni<Map<String, Assignment>> pages(
      String hitId, String nextToken, Map<String, Assignment> seen, int page) {
    return mturk
        .listAssignments(hitId, nextToken, pageSize)
        .chain(
            response -> {
              response.assignments().forEach(a -> seen.putIfAbsent(a.assignmentId(), a));
              String next = response.nextToken();
              boolean more = next != null && !next.isEmpty() && !next.equals(nextToken);
              return more && page < MAX_PAGES
                  ? pages(hitId, next, seen, page + 1)
                  : Uni.createFrom().item(seen);
            });
  }

  private HitEvent listed(HitCommand.ListAssignments c, Map<String, Assignment> all) {
    List<WorkerAnswer> answers = all.values().stream().map(this::answer).toList();
    return new HitEvent.AssignmentsListed(c.taskKey(), c.hitId(), answers);
  }

  /** A malformed answer is passed on with its problem (and counted), never fatal. */
  private WorkerAnswer answer(Assignment a) {
    ParsedAnswer parsed = parser.parse(a.answer());
    Boolean containsTarget = null;
    String problem = null;
    if (parsed instanceof ParsedAnswer.Accepted accepted) {
      containsTarget = accepted.containsTarget();
    } else {
      ParsedAnswer.Rejected rejected = (ParsedAnswer.Rejected) parsed;
      problem = rejected.reason() + ": " + rejected.detail();
      metrics.malformedAnswer(a.assignmentId());
    }
    return new WorkerAnswer(
        a.assignmentId(),
        a.workerId(),
        containsTarget,
        problem,
        a.assignmentStatusAsString(),
        a.submitTime() == null ? 0 : a.submitTime().toEpochMilli());
  }
}
