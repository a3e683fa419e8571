package io.imagecontains.mturk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagecontains.task.TaskJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.mturk.model.Comparator;
import software.amazon.awssdk.services.mturk.model.CreateHitRequest;
import software.amazon.awssdk.services.mturk.model.HITAccessActions;
import software.amazon.awssdk.services.mturk.model.Locale;
import software.amazon.awssdk.services.mturk.model.QualificationRequirement;

/**
 * Builds the {@code CreateHIT} request of a task: the question page from {@link HitQuestion}, what
 * the HIT offers from {@code mturk.hit.*}, the command's {@code UniqueRequestToken}, and a
 * RequesterAnnotation naming the task (JSON {@code {"task","url","label"}}, which the simulator
 * reads, and which lets an operator find the task of any HIT).
 */
final class HitRequests {

  private static final Logger LOG = Logger.getLogger(HitRequests.class);

  /**
   * A HIT made with fewer than 10 assignments can never reach 10, and 10+ costs an extra 20% fee:
   * never ask for more than 9.
   */
  static final int MAX_ASSIGNMENTS = 9;

  /** MTurk's limit on UniqueRequestToken. */
  static final int MAX_TOKEN = 64;

  /** MTurk's limit on RequesterAnnotation. */
  static final int MAX_ANNOTATION = 255;

  private final MTurkConfig.Hit hit;
  private final HitQuestion question;
  private final List<QualificationRequirement> qualifications;

  HitRequests(MTurkConfig.Hit hit, URI submitUrl) {
    this.hit = hit;
    this.question = new HitQuestion(submitUrl, hit.frameHeight());
    this.qualifications = qualifications(hit.qualificationRequirements().orElse(List.of()));
  }

  /**
   * @param excludedTypeId our qualification of excluded workers, required not to exist; null for
   *     none
   */
  CreateHitRequest create(HitCommand.CreateHit c, String excludedTypeId) {
    List<QualificationRequirement> required = qualifications;
    if (excludedTypeId != null) {
      required = new ArrayList<>(qualifications);
      required.add(
          QualificationRequirement.builder()
              .qualificationTypeId(excludedTypeId)
              .comparator(Comparator.DOES_NOT_EXIST)
              .actionsGuarded(HITAccessActions.DISCOVER_PREVIEW_AND_ACCEPT)
              .build());
    }
    return CreateHitRequest.builder()
        .title(hit.title())
        .description(hit.description())
        .keywords(hit.keywords())
        .reward(reward().toPlainString())
        .maxAssignments(assignments(c))
        .lifetimeInSeconds(hit.lifetime().toSeconds())
        .assignmentDurationInSeconds(hit.assignmentDuration().toSeconds())
        .autoApprovalDelayInSeconds(hit.autoApprovalDelay().toSeconds())
        .question(question.xml(c.imageUrl(), c.label()))
        .requesterAnnotation(annotation(c.taskKey(), c.imageUrl(), c.label()))
        .uniqueRequestToken(requestToken(c.token()))
        .qualificationRequirements(required)
        .build();
  }

  /**
   * The command's token as MTurk takes it (1 to 64 characters): as it is when it fits, else a
   * digest of it — still the same for every repeat of the command, so still idempotent.
   */
  static String requestToken(String token) {
    if (token == null || token.length() <= MAX_TOKEN) {
      return token;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Dollars and cents, as MTurk takes them. */
  BigDecimal reward() {
    return hit.reward().setScale(2, RoundingMode.HALF_UP);
  }

  private static int assignments(HitCommand.CreateHit c) {
    if (c.maxAssignments() > MAX_ASSIGNMENTS) {
      LOG.warnf(
          "%s asked for %d assignments; creating %d (a HIT of 10 or more costs 20%% more)",
          c.taskKey(), c.maxAssignments(), MAX_ASSIGNMENTS);
      return MAX_ASSIGNMENTS;
    }
    return c.maxAssignments();
  }

  /**
   * {@code {"task","url","label"}} when it fits MTurk's 255 characters, else {@code {"task"}} (the
   * simulator then reads the image and label from the question page), else nothing.
   */
  static String annotation(String taskKey, String url, String label) {
    ObjectNode json = TaskJson.MAPPER.createObjectNode().put("task", taskKey);
    String small = json.toString();
    String full = json.put("url", url).put("label", label).toString();
    if (full.length() <= MAX_ANNOTATION) {
      return full;
    }
    return small.length() <= MAX_ANNOTATION ? small : null;
  }

  /**
   * The task a HIT's RequesterAnnotation names (see {@link #annotation}), or null when the HIT is
   * not one of ours (another program's, or no annotation).
   */
  static String taskOf(String annotation) {
    if (annotation == null || !annotation.startsWith("{")) {
      return null;
    }
    try {
      JsonNode task = TaskJson.MAPPER.readTree(annotation).get("task");
      return task != null && task.isTextual() && !task.asText().isBlank() ? task.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Parses {@code QualificationTypeId:Comparator[:Value[|Value…]]}; fails fast when malformed. */
  static List<QualificationRequirement> qualifications(List<String> specs) {
    List<QualificationRequirement> out = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.trim().split(":");
      if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
        throw new IllegalArgumentException(
            "mturk.hit.qualification-requirements: expected TypeId:Comparator[:Value[|Value]], got '"
                + spec
                + "'");
      }
      if (Comparator.fromValue(parts[1]) == Comparator.UNKNOWN_TO_SDK_VERSION) {
        throw new IllegalArgumentException(
            "mturk.hit.qualification-requirements: unknown comparator '" + parts[1] + "'");
      }
      QualificationRequirement.Builder q =
          QualificationRequirement.builder().qualificationTypeId(parts[0]).comparator(parts[1]);
      if (parts.length == 3) {
        values(q, parts[2].split("\\|"));
      }
      out.add(q.build());
    }
    return out;
  }

  private static void values(QualificationRequirement.Builder q, String[] values) {
    if (values[0].matches("-?\\d+")) {
      q.integerValues(java.util.Arrays.stream(values).map(Integer::valueOf).toList());
      return;
    }
    List<Locale> locales = new ArrayList<>();
    for (String v : values) {
      String[] country = v.split("-", 2);
      locales.add(
          Locale.builder()
              .country(country[0])
              .subdivision(country.length > 1 ? country[1] : null)
              .build());
    }
    q.localeValues(locales);
  }
}
