package io.imagecontains.workforce.hits;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A HIT's {@code QualificationRequirements}, enforced with MTurk's semantics when a worker accepts:
 * the worker must meet every requirement. {@code Exists} and {@code DoesNotExist} test whether the
 * worker holds a granted Qualification of the type; the other comparators ({@code EqualTo}, {@code
 * NotEqualTo}, {@code GreaterThan}, {@code GreaterThanOrEqualTo}, {@code LessThan}, {@code
 * LessThanOrEqualTo}, {@code In}, {@code NotIn}) compare its {@code IntegerValue} with the
 * requirement's {@code IntegerValues}, and a worker without the Qualification meets none of them
 * (only {@code DoesNotExist}). Requirements are checked against the worker's Qualifications at the
 * moment of accepting, so a grant or a revocation counts for the very next accept; assignments
 * already accepted are unaffected.
 *
 * <p>Only requirements on Qualification types created in this simulator are enforced. Those on any
 * other type — MTurk's system types such as {@code 00000000000000000071} (locale), {@code
 * 00000000000000000040} (number of HITs approved), {@code 000000000000000000L0} (approval rate),
 * the Masters types, or another account's types — are accepted, echoed and ignored: the simulated
 * crowd has no such records, and treating the workers as lacking them would leave such HITs
 * unanswered. {@code ActionsGuarded} and {@code RequiredToPreview} are accepted, and every
 * requirement guards accepting (there is no preview or search here).
 */
final class QualificationRequirements {
  private static final int MAX_SET_VALUES = 15;

  /** MTurk's comparators, named as on the wire. */
  enum Comparator {
    Exists,
    DoesNotExist,
    EqualTo,
    NotEqualTo,
    GreaterThan,
    GreaterThanOrEqualTo,
    LessThan,
    LessThanOrEqualTo,
    In,
    NotIn;

    boolean testsPresenceOnly() {
      return this == Exists || this == DoesNotExist;
    }

    boolean comparesASet() {
      return this == In || this == NotIn;
    }

    static Comparator named(String name) {
      for (Comparator c : values()) {
        if (c.name().equals(name)) {
          return c;
        }
      }
      throw outOfRange("Unknown Comparator in QualificationRequirements: " + name + ".");
    }
  }

  /** One requirement; {@code hasLocaleValues} only for the checks made at creation. */
  record Requirement(
      String typeId, Comparator comparator, List<Integer> integerValues, boolean hasLocaleValues) {

    /** Whether a worker whose Qualification of the type has {@code value} (or none) meets it. */
    boolean metBy(OptionalInt value) {
      if (comparator == Comparator.DoesNotExist) {
        return value.isEmpty();
      }
      if (value.isEmpty()) {
        return false;
      }
      if (comparator == Comparator.Exists) {
        return true;
      }
      if (integerValues.isEmpty()) {
        return false; // nothing to compare with: refused at creation for types known then
      }
      int v = value.getAsInt();
      int first = integerValues.get(0);
      return switch (comparator) {
        case EqualTo -> v == first;
        case NotEqualTo -> v != first;
        case GreaterThan -> v > first;
        case GreaterThanOrEqualTo -> v >= first;
        case LessThan -> v < first;
        case LessThanOrEqualTo -> v <= first;
        case In -> integerValues.contains(v);
        case NotIn -> !integerValues.contains(v);
        case Exists, DoesNotExist -> throw new IllegalStateException("handled above");
      };
    }
  }

  private QualificationRequirements() {}

  /** Reads the raw JSON of {@code CreateHIT}; none (null) is an empty list. */
  static List<Requirement> parse(JsonNode json) {
    if (json == null || json.isNull()) {
      return List.of();
    }
    if (!json.isArray()) {
      throw outOfRange("QualificationRequirements must be a list.");
    }
    List<Requirement> out = new ArrayList<>();
    for (JsonNode r : json) {
      if (!r.isObject()) {
        throw outOfRange("Each of the QualificationRequirements must be an object.");
      }
      JsonNode typeId = r.get("QualificationTypeId");
      JsonNode comparator = r.get("Comparator");
      if (typeId == null || !typeId.isTextual() || typeId.asText().isBlank()) {
        throw missing("QualificationRequirement.QualificationTypeId");
      }
      if (comparator == null || !comparator.isTextual()) {
        throw missing("QualificationRequirement.Comparator");
      }
      out.add(
          new Requirement(
              typeId.asText(),
              Comparator.named(comparator.asText()),
              integers(r.get("IntegerValues")),
              isNonEmptyArray(r.get("LocaleValues"))));
    }
    return List.copyOf(out);
  }

  /**
   * MTurk's rules for the values of a requirement, checked at creation for the types this simulator
   * knows (others may be locale-valued or unknown here, and are not enforced anyway).
   */
  static void checkValues(List<Requirement> requirements, QualificationBook qualifications) {
    for (Requirement r : requirements) {
      if (!qualifications.isKnown(r.typeId())) {
        continue;
      }
      int count = r.integerValues().size();
      if (r.hasLocaleValues()) {
        throw outOfRange(
            "LocaleValues can only be used with the Worker_Locale QualificationType, not "
                + r.typeId()
                + ".");
      }
      if (r.comparator().testsPresenceOnly() && count > 0) {
        throw outOfRange(
            "IntegerValues must not be present if Comparator is " + r.comparator() + ".");
      }
      if (r.comparator().comparesASet() && (count < 1 || count > MAX_SET_VALUES)) {
        throw outOfRange(
            "Comparator " + r.comparator() + " needs 1 to " + MAX_SET_VALUES + " IntegerValues.");
      }
      if (!r.comparator().testsPresenceOnly() && !r.comparator().comparesASet() && count != 1) {
        throw outOfRange("Comparator " + r.comparator() + " needs exactly one IntegerValue.");
      }
    }
  }

  /** Whether the worker meets every enforced requirement, as of now. */
  static boolean allow(
      List<Requirement> requirements, QualificationBook qualifications, String workerId) {
    for (Requirement r : requirements) {
      if (qualifications.isKnown(r.typeId())
          && !r.metBy(qualifications.value(r.typeId(), workerId))) {
        return false;
      }
    }
    return true;
  }

  private static List<Integer> integers(JsonNode json) {
    if (json == null || json.isNull()) {
      return List.of();
    }
    if (!json.isArray()) {
      throw outOfRange("IntegerValues must be a list of integers.");
    }
    List<Integer> values = new ArrayList<>();
    for (JsonNode v : json) {
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw outOfRange("IntegerValues must be a list of integers.");
      }
      values.add(v.intValue());
    }
    return List.copyOf(values);
  }

  private static boolean isNonEmptyArray(JsonNode json) {
    return json != null && json.isArray() && !json.isEmpty();
  }

  private static TurkError outOfRange(String message) {
    return new TurkError(TurkError.PARAMETER_OUT_OF_RANGE, message);
  }

  private static TurkError missing(String name) {
    return new TurkError(TurkError.MISSING_PARAMETERS, "No value provided for " + name + ".");
  }
}
