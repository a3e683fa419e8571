package io.imagecontains.workforce.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagecontains.workforce.hits.Assignment;
import io.imagecontains.workforce.hits.Hit;
import io.imagecontains.workforce.hits.HitRequest;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Writes HITs and assignments in the shapes of the MTurk Requester API (AWS JSON 1.1). Timestamps
 * are epoch seconds with millisecond decimals, written as plain decimals, which the SDK parses.
 * Must run under the registry lock (the objects are live).
 */
final class HitJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HitJson() {}

  static ObjectNode hit(Hit hit, Instant now) {
    HitRequest r = hit.request();
    ObjectNode json = NODES.objectNode();
    json.put("HITId", hit.id());
    json.put("HITTypeId", hit.typeId());
    json.put("HITGroupId", hit.typeId());
    json.put("CreationTime", epochSeconds(hit.creationTime()));
    json.put("Title", r.title());
    json.put("Description", r.description());
    json.put("Question", r.question());
    putIfPresent(json, "Keywords", r.keywords());
    json.put("HITStatus", hit.status(now).name());
    json.put("MaxAssignments", hit.maxAssignments());
    json.put("Reward", r.reward().toPlainString());
    json.put("AutoApprovalDelayInSeconds", r.autoApprovalDelay().toSeconds());
    json.put("Expiration", epochSeconds(hit.expiration()));
    json.put("AssignmentDurationInSeconds", r.assignmentDuration().toSeconds());
    putIfPresent(json, "RequesterAnnotation", r.requesterAnnotation());
    if (r.qualificationRequirements() != null) {
      json.set("QualificationRequirements", r.qualificationRequirements());
    }
    json.put("HITReviewStatus", "NotReviewed");
    json.put("NumberOfAssignmentsPending", hit.pendingCount());
    json.put("NumberOfAssignmentsAvailable", hit.availableCount());
    json.put("NumberOfAssignmentsCompleted", hit.completedCount());
    return json;
  }

  static ObjectNode assignment(Assignment a) {
    ObjectNode json = NODES.objectNode();
    json.put("AssignmentId", a.id());
    json.put("WorkerId", a.workerId());
    json.put("HITId", a.hitId());
    json.put("AssignmentStatus", a.status().name());
    putTime(json, "AutoApprovalTime", a.autoApprovalTime());
    putTime(json, "AcceptTime", a.acceptTime());
    putTime(json, "SubmitTime", a.submitTime());
    putTime(json, "ApprovalTime", a.approvalTime());
    putTime(json, "RejectionTime", a.rejectionTime());
    putTime(json, "Deadline", a.deadline());
    putIfPresent(json, "Answer", a.answer());
    putIfPresent(json, "RequesterFeedback", a.requesterFeedback());
    return json;
  }

  static BigDecimal epochSeconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli(), 3);
  }

  private static void putTime(ObjectNode json, String name, Instant t) {
    if (t != null) {
      json.put(name, epochSeconds(t));
    }
  }

  private static void putIfPresent(ObjectNode json, String name, String value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
