package io.imagecontains.workforce.hits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The requester's prepaid balance. Each approved assignment costs its reward plus MTurk's fee: 20%
 * for HITs with fewer than 10 assignments, 40% from 10 on, at least $0.01. Not thread-safe: used
 * under the {@link HitRegistry} lock.
 */
final class AccountLedger {
  private static final BigDecimal MIN_FEE = new BigDecimal("0.01");
  private BigDecimal available;
  private BigDecimal spent = BigDecimal.ZERO;

  AccountLedger(BigDecimal startingBalance) {
    this.available = startingBalance;
  }

  void chargeApproval(BigDecimal reward, int maxAssignments) {
    BigDecimal rate = new BigDecimal(maxAssignments >= 10 ? "0.40" : "0.20");
    BigDecimal fee = reward.multiply(rate).setScale(2, RoundingMode.HALF_UP).max(MIN_FEE);
    BigDecimal cost = reward.add(fee);
    available = available.subtract(cost);
    spent = spent.add(cost);
  }

  BigDecimal available() {
    return available.setScale(2, RoundingMode.HALF_UP);
  }

  BigDecimal spent() {
    return spent.setScale(2, RoundingMode.HALF_UP);
  }
}
