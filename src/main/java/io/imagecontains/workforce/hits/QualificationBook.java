package io.imagecontains.workforce.hits;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The requester's Qualification types and the Qualifications granted to workers, with MTurk's
 * rules: type names are unique, granting again updates the value, only a granted Qualification can
 * be revoked. A revoked Qualification is kept (it is listed with {@code Status=Revoked}) but counts
 * as absent when requirements are checked; granting it again makes it a new grant. Not thread-safe:
 * part of the {@link HitBook} and used under its lock.
 */
final class QualificationBook {
  /** Mixed into the registry's seed so type ids do not repeat HIT ids nor shift their sequence. */
  private static final long ID_SEED_SALT = 0x5155_414C_4946_5953L;

  private final HitIds ids;
  private final Map<String, QualificationType> types = new LinkedHashMap<>();
  private final Map<String, Map<String, Qualification>> byType = new HashMap<>();
  private long seq;

  QualificationBook(long seed) {
    this.ids = new HitIds(seed ^ ID_SEED_SALT);
  }

  QualificationType create(
      String name, String description, String keywords, boolean active, Instant now) {
    boolean taken = types.values().stream().anyMatch(t -> t.name().equals(name));
    if (taken) {
      throw new TurkError(
          TurkError.QUALIFICATION_TYPE_ALREADY_EXISTS,
          "You have already created a QualificationType with this name. A QualificationType's"
              + " name must be unique among all of the QualificationTypes created by the same"
              + " user.");
    }
    QualificationType type =
        new QualificationType(ids.next(), ++seq, now, name, description, keywords, active);
    types.put(type.id(), type);
    byType.put(type.id(), new LinkedHashMap<>());
    return type;
  }

  QualificationType type(String typeId) {
    QualificationType type = typeId == null ? null : types.get(typeId);
    if (type == null) {
      throw new TurkError(
          TurkError.QUALIFICATION_TYPE_DOES_NOT_EXIST,
          "You requested a QualificationType that does not exist: " + typeId + ".");
    }
    return type;
  }

  /** Whether the type was created here; requirements on any other type are not enforced. */
  boolean isKnown(String typeId) {
    return types.containsKey(typeId);
  }

  /** Types whose name or description contains {@code query} (any case), oldest first. */
  List<QualificationType> types(String query) {
    if (query == null || query.isEmpty()) {
      return List.copyOf(types.values());
    }
    String wanted = query.toLowerCase(Locale.ROOT);
    return types.values().stream()
        .filter(
            t ->
                t.name().toLowerCase(Locale.ROOT).contains(wanted)
                    || t.description().toLowerCase(Locale.ROOT).contains(wanted))
        .toList();
  }

  /** Grants the Qualification, or sets the value of one already granted (keeping its grant). */
  void grant(String typeId, String workerId, int value, Instant now) {
    Map<String, Qualification> holders = byType.get(type(typeId).id());
    Qualification held = holders.get(workerId);
    if (held != null && held.isGranted()) {
      holders.put(
          workerId,
          new Qualification(
              typeId, workerId, held.grantTime(), value, QualificationStatus.Granted, held.seq()));
    } else {
      holders.remove(workerId); // a new grant: listed after the others
      holders.put(
          workerId,
          new Qualification(typeId, workerId, now, value, QualificationStatus.Granted, ++seq));
    }
  }

  void revoke(String typeId, String workerId) {
    Qualification held = byType.get(type(typeId).id()).get(workerId);
    if (held == null || !held.isGranted()) {
      throw new TurkError(
          TurkError.QUALIFICATION_DOES_NOT_EXIST,
          "You requested a Qualification that does not exist: worker "
              + workerId
              + " does not have QualificationType "
              + typeId
              + ".");
    }
    byType
        .get(typeId)
        .put(
            workerId,
            new Qualification(
                typeId,
                workerId,
                held.grantTime(),
                held.integerValue(),
                QualificationStatus.Revoked,
                held.seq()));
  }

  /** The Qualifications of a type in the given status, in grant order. */
  List<Qualification> holders(String typeId, QualificationStatus status) {
    return byType.get(type(typeId).id()).values().stream()
        .filter(q -> q.status() == status)
        .sorted(Comparator.comparingLong(Qualification::seq))
        .toList();
  }

  /** The value of the worker's granted Qualification of this type, if it has one. */
  OptionalInt value(String typeId, String workerId) {
    Map<String, Qualification> holders = byType.get(typeId);
    Qualification held = holders == null ? null : holders.get(workerId);
    return held == null || !held.isGranted()
        ? OptionalInt.empty()
        : OptionalInt.of(held.integerValue());
  }
}
