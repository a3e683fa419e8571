package io.imagecontains.workforce.hits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The marketplace's state, shared by the requester side ({@link HitRegistry}) and the worker side
 * ({@link WorkerDesk}), Qualifications included. The instance itself is the lock: every access to
 * it, its HITs and their assignments happens in {@code synchronized (book)}. Operations are
 * in-memory and short, so the Vert.x event loop that serves the API may take the lock without
 * blocking anything for long.
 */
final class HitBook {
  final Clock clock;
  final SimulationSchedule schedule;
  final RequestTokens createTokens = new RequestTokens();
  final RequestTokens extendTokens = new RequestTokens();
  final AccountLedger ledger;
  final HitIds ids;
  final QualificationBook qualifications;
  final Map<String, Hit> hits = new LinkedHashMap<>();
  final Map<String, Assignment> assignments = new HashMap<>();
  final List<WorkerSource> sources = new ArrayList<>();
  private long seq;

  HitBook(Clock clock, long seed, BigDecimal startingBalance) {
    this.clock = clock;
    this.schedule = new SimulationSchedule(clock.instant());
    this.ledger = new AccountLedger(startingBalance);
    this.ids = new HitIds(seed);
    this.qualifications = new QualificationBook(seed);
  }

  /** Brings the simulation up to the clock (unless already inside it) and returns "now". */
  Instant advance() {
    if (!schedule.isRunning()) {
      schedule.runUntil(clock.instant());
    }
    return schedule.now();
  }

  long nextSeq() {
    return ++seq;
  }

  Hit hit(String hitId) {
    Hit hit = hitId == null ? null : hits.get(hitId);
    if (hit == null) {
      throw TurkError.noSuchHit(hitId);
    }
    return hit;
  }

  Assignment assignment(String assignmentId) {
    Assignment a = assignmentId == null ? null : assignments.get(assignmentId);
    if (a == null || !a.status().isListed() && a.status() != AssignmentStatus.Accepted) {
      throw TurkError.noSuchAssignment(assignmentId);
    }
    return a;
  }

  /** Tells every worker source that {@code count} more slots of the HIT can be taken. */
  void announceSlots(Hit hit, int count, Workplace workplace) {
    for (int i = 0; i < count; i++) {
      for (WorkerSource source : sources) {
        source.slotOpened(hit, workplace);
      }
    }
  }

  void approve(Assignment a, Instant at, String feedback) {
    a.approve(at, feedback);
    Hit hit = hits.get(a.hitId());
    ledger.chargeApproval(hit.request().reward(), hit.maxAssignments());
  }
}
