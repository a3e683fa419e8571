package io.imagecontains.mturk;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.kafka.Requests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the end-to-end {@code image-contains} tests share: requests, results, the simulator. */
final class Flows {

  private Flows() {}

  static String put(String name, String url, String label) {
    return Requests.put("image-contains", name, url, label);
  }

  /** The latest terminal (completed or failed) view of each of {@code keys} seen so far. */
  static Map<String, JsonNode> finalViews(
      List<ConsumerRecord<String, byte[]>> seen, List<String> keys) {
    Map<String, JsonNode> views = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : seen) {
      if (keys.contains(r.key()) && r.value() != null) {
        JsonNode view = json(r.value());
        if (!view.get("state").asText().equals("processing")) {
          views.put(r.key(), view);
        }
      }
    }
    return views;
  }

  /** The simulator's HITs of these tasks ({@code /_sim/hits}). */
  static List<JsonNode> hitsOf(List<String> keys) throws Exception {
    List<JsonNode> hits = new ArrayList<>();
    for (JsonNode hit : simulator("/_sim/hits")) {
      if (keys.contains(hit.get("taskKey").asText())) {
        hits.add(hit);
      }
    }
    return hits;
  }

  static long hitsCreatedFor(String key) throws Exception {
    return simulator("/_sim/tasks").get("hitsCreatedByTask").get(key).asLong();
  }

  /** Deleted, with every submitted answer paid: nothing left for workers or to pay. */
  static boolean cleanedUp(JsonNode hit) {
    boolean allApproved = true;
    for (JsonNode assignment : hit.get("assignments")) {
      allApproved &= assignment.get("status").asText().equals("Approved");
    }
    return hit.get("status").asText().equals("Disposed") && allApproved;
  }

  static JsonNode simulator(String path) throws Exception {
    return SimulatorInspection.get(path);
  }

  static JsonNode json(byte[] bytes) {
    return SimulatorInspection.json(bytes);
  }
}
