package io.imagecontains.workforce.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagecontains.workforce.hits.Assignment;
import io.imagecontains.workforce.hits.AssignmentStatus;
import io.imagecontains.workforce.hits.Hit;
import io.imagecontains.workforce.hits.HitRegistry;
import io.imagecontains.workforce.hits.HitRequest;
import io.imagecontains.workforce.hits.HitStatus;
import io.imagecontains.workforce.hits.Page;
import io.imagecontains.workforce.hits.Qualification;
import io.imagecontains.workforce.hits.QualificationStatus;
import io.imagecontains.workforce.hits.QualificationType;
import io.imagecontains.workforce.hits.TurkError;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Requester API operations the simulator serves, each mapping an AWS JSON request to a {@link
 * HitRegistry} call and its result back to JSON: HITs, assignments, the balance, and Qualification
 * types with the Qualifications granted to workers. Each runs whole under the registry lock, so a
 * response is one consistent view.
 */
final class Operations {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final HitRegistry registry;
  private final Map<String, Function<RequestFields, ObjectNode>> byName;

  Operations(HitRegistry registry) {
    this.registry = registry;
    this.byName =
        Map.ofEntries(
            Map.entry("CreateHIT", this::createHit),
            Map.entry("GetHIT", f -> withHit(registry.get(f.requiredText("HITId")))),
            Map.entry("GetAssignment", this::getAssignment),
            Map.entry("ListAssignmentsForHIT", this::listAssignments),
            Map.entry("ListReviewableHITs", this::listReviewable),
            Map.entry("CreateAdditionalAssignmentsForHIT", this::extend),
            Map.entry("ApproveAssignment", this::approve),
            Map.entry("RejectAssignment", this::reject),
            Map.entry("UpdateExpirationForHIT", this::updateExpiration),
            Map.entry("UpdateHITReviewStatus", this::updateReviewStatus),
            Map.entry("DeleteHIT", this::delete),
            Map.entry("GetAccountBalance", f -> balance()),
            Map.entry("CreateQualificationType", this::createQualificationType),
            Map.entry("GetQualificationType", this::getQualificationType),
            Map.entry("ListQualificationTypes", this::listQualificationTypes),
            Map.entry("AssociateQualificationWithWorker", this::associateQualification),
            Map.entry("DisassociateQualificationFromWorker", this::disassociateQualification),
            Map.entry("ListWorkersWithQualificationType", this::listWorkersWithQualification));
  }

  boolean supports(String operation) {
    return byName.containsKey(operation);
  }

  ObjectNode invoke(String operation, JsonNode body) {
    RequestFields fields = new RequestFields(body);
    return registry.read(() -> byName.get(operation).apply(fields));
  }

  private ObjectNode createHit(RequestFields f) {
    Integer max = f.integer("MaxAssignments");
    var autoApproval = f.seconds("AutoApprovalDelayInSeconds");
    HitRequest request =
        new HitRequest(
            f.requiredText("Title"),
            f.requiredText("Description"),
            f.text("Keywords"),
            f.money("Reward"),
            max == null ? 1 : max,
            f.seconds("LifetimeInSeconds"),
            f.seconds("AssignmentDurationInSeconds"),
            autoApproval == null ? HitRequest.DEFAULT_AUTO_APPROVAL : autoApproval,
            f.requiredText("Question"),
            f.text("RequesterAnnotation"),
            f.text("UniqueRequestToken"),
            f.raw("QualificationRequirements"));
    return withHit(registry.create(request));
  }

  private ObjectNode withHit(Hit hit) {
    ObjectNode out = NODES.objectNode();
    out.set("HIT", HitJson.hit(hit, registry.now()));
    return out;
  }

  private ObjectNode getAssignment(RequestFields f) {
    Assignment a = registry.review().assignment(f.requiredText("AssignmentId"));
    ObjectNode out = withHit(registry.get(a.hitId()));
    out.set("Assignment", HitJson.assignment(a));
    return out;
  }

  private ObjectNode listAssignments(RequestFields f) {
    Set<AssignmentStatus> statuses = EnumSet.noneOf(AssignmentStatus.class);
    JsonNode wanted = f.raw("AssignmentStatuses");
    if (wanted != null) {
      wanted.forEach(s -> statuses.add(listedStatus(s.asText())));
    }
    Page<Assignment> page =
        registry
            .review()
            .listAssignments(
                f.requiredText("HITId"), statuses, f.text("NextToken"), f.integer("MaxResults"));
    ArrayNode items = NODES.arrayNode();
    page.items().forEach(a -> items.add(HitJson.assignment(a)));
    return pageJson(page, "Assignments", items);
  }

  private ObjectNode listReviewable(RequestFields f) {
    String status = f.text("Status");
    HitStatus wanted = status == null ? HitStatus.Reviewable : reviewStatus(status);
    Page<Hit> page =
        registry.listReviewable(
            wanted, f.text("HITTypeId"), f.text("NextToken"), f.integer("MaxResults"));
    ArrayNode items = NODES.arrayNode();
    page.items().forEach(h -> items.add(HitJson.hit(h, registry.now())));
    return pageJson(page, "HITs", items);
  }

  private ObjectNode extend(RequestFields f) {
    Integer additional = f.integer("NumberOfAdditionalAssignments");
    if (additional == null) {
      throw new TurkError(
          TurkError.MISSING_PARAMETERS, "No value provided for NumberOfAdditionalAssignments.");
    }
    registry.extend(f.requiredText("HITId"), additional, f.text("UniqueRequestToken"));
    return NODES.objectNode();
  }

  private ObjectNode approve(RequestFields f) {
    registry
        .review()
        .approve(
            f.requiredText("AssignmentId"),
            f.text("RequesterFeedback"),
            f.flag("OverrideRejection"));
    return NODES.objectNode();
  }

  private ObjectNode reject(RequestFields f) {
    registry.review().reject(f.requiredText("AssignmentId"), f.requiredText("RequesterFeedback"));
    return NODES.objectNode();
  }

  private ObjectNode updateExpiration(RequestFields f) {
    registry.updateExpiration(f.requiredText("HITId"), f.time("ExpireAt"));
    return NODES.objectNode();
  }

  private ObjectNode updateReviewStatus(RequestFields f) {
    registry.updateReviewStatus(f.requiredText("HITId"), f.flag("Revert"));
    return NODES.objectNode();
  }

  private ObjectNode delete(RequestFields f) {
    registry.delete(f.requiredText("HITId"));
    return NODES.objectNode();
  }

  private ObjectNode balance() {
    ObjectNode out = NODES.objectNode();
    out.put("AvailableBalance", registry.availableBalance().toPlainString());
    out.put("OnHoldBalance", "0.00");
    return out;
  }

  /**
   * Test, AnswerKey, AutoGranted and the like are accepted and ignored: no tests, no auto-grant.
   */
  private ObjectNode createQualificationType(RequestFields f) {
    QualificationType type =
        registry.createQualificationType(
            f.requiredText("Name"),
            f.requiredText("Description"),
            f.text("Keywords"),
            f.requiredText("QualificationTypeStatus"));
    return withQualificationType(type);
  }

  private ObjectNode getQualificationType(RequestFields f) {
    return withQualificationType(registry.qualificationType(f.requiredText("QualificationTypeId")));
  }

  private static ObjectNode withQualificationType(QualificationType type) {
    ObjectNode out = NODES.objectNode();
    out.set("QualificationType", QualificationJson.type(type));
    return out;
  }

  /** Every type here is the caller's and requestable, so both flags only have to be there. */
  private ObjectNode listQualificationTypes(RequestFields f) {
    if (f.raw("MustBeRequestable") == null) {
      throw new TurkError(TurkError.MISSING_PARAMETERS, "No value provided for MustBeRequestable.");
    }
    Page<QualificationType> page =
        registry.listQualificationTypes(
            f.text("Query"), f.text("NextToken"), f.integer("MaxResults"));
    ArrayNode items = NODES.arrayNode();
    page.items().forEach(t -> items.add(QualificationJson.type(t)));
    return pageJson(page, "QualificationTypes", items);
  }

  /** {@code SendNotification} is ignored: simulated workers read no mail. */
  private ObjectNode associateQualification(RequestFields f) {
    Integer value = f.integer("IntegerValue");
    registry.associateQualification(
        f.requiredText("QualificationTypeId"),
        f.requiredText("WorkerId"),
        value == null ? 1 : value);
    return NODES.objectNode();
  }

  /** {@code Reason} is accepted and ignored: simulated workers read no mail. */
  private ObjectNode disassociateQualification(RequestFields f) {
    registry.disassociateQualification(
        f.requiredText("QualificationTypeId"), f.requiredText("WorkerId"));
    return NODES.objectNode();
  }

  private ObjectNode listWorkersWithQualification(RequestFields f) {
    String status = f.text("Status");
    Page<Qualification> page =
        registry.listWorkersWithQualification(
            f.requiredText("QualificationTypeId"),
            status == null ? null : qualificationStatus(status),
            f.text("NextToken"),
            f.integer("MaxResults"));
    ArrayNode items = NODES.arrayNode();
    page.items().forEach(q -> items.add(QualificationJson.qualification(q)));
    return pageJson(page, "Qualifications", items);
  }

  private static QualificationStatus qualificationStatus(String name) {
    for (QualificationStatus s : QualificationStatus.values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new TurkError(TurkError.PARAMETER_OUT_OF_RANGE, "Status must be Granted or Revoked.");
  }

  private static ObjectNode pageJson(Page<?> page, String field, ArrayNode items) {
    ObjectNode out = NODES.objectNode();
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    out.put("NumResults", items.size());
    out.set(field, items);
    return out;
  }

  private static AssignmentStatus listedStatus(String name) {
    for (AssignmentStatus s : AssignmentStatus.values()) {
      if (s.isListed() && s.name().equals(name)) {
        return s;
      }
    }
    throw new TurkError(TurkError.PARAMETER_OUT_OF_RANGE, "Unknown AssignmentStatus: " + name);
  }

  private static HitStatus reviewStatus(String name) {
    if (name.equals("Reviewable") || name.equals("Reviewing")) {
      return HitStatus.valueOf(name);
    }
    throw new TurkError(
        TurkError.PARAMETER_OUT_OF_RANGE, "Status must be Reviewable or Reviewing.");
  }
}
