package io.imagecontains.workforce.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagecontains.workforce.hits.Qualification;
import io.imagecontains.workforce.hits.QualificationType;

/**
 * Writes Qualification types and workers' Qualifications in the shapes of the MTurk Requester API,
 * timestamps as {@link HitJson} writes them. Types are never requestable by test or auto-granted
 * here, so {@code IsRequestable} is always true and {@code AutoGranted} always false.
 */
final class QualificationJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private QualificationJson() {}

  static ObjectNode type(QualificationType type) {
    ObjectNode json = NODES.objectNode();
    json.put("QualificationTypeId", type.id());
    json.put("CreationTime", HitJson.epochSeconds(type.creationTime()));
    json.put("Name", type.name());
    json.put("Description", type.description());
    if (type.keywords() != null) {
      json.put("Keywords", type.keywords());
    }
    json.put("QualificationTypeStatus", type.status());
    json.put("IsRequestable", true);
    json.put("AutoGranted", false);
    return json;
  }

  static ObjectNode qualification(Qualification q) {
    ObjectNode json = NODES.objectNode();
    json.put("QualificationTypeId", q.typeId());
    json.put("WorkerId", q.workerId());
    json.put("GrantTime", HitJson.epochSeconds(q.grantTime()));
    json.put("IntegerValue", q.integerValue());
    json.put("Status", q.status().name());
    return json;
  }
}
