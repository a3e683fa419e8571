package io.imagecontains.mturk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the MTurk gateway: where MTurk is, what a HIT offers, and how hard we may call it.
 * Credentials are not here: they come from the default AWS credential chain (environment, profile,
 * instance role) and are never logged.
 */
@ConfigMapping(prefix = "mturk")
public interface MTurkConfig {

  /**
   * The Requester API URL, overriding the environment's (the simulator, e.g. {@code
   * http://127.0.0.1:8099}). Other tools set this name: keep it.
   */
  Optional<URI> endpoint();

  /**
   * {@code sandbox} (no money moves) or {@code production}: picks the Requester API URL (unless
   * {@link #endpoint()} is set) and the URL the worker's form posts to.
   */
  @WithDefault("sandbox")
  Environment environment();

  /** AWS region of the Requester API; MTurk only runs in us-east-1. */
  @WithDefault("us-east-1")
  String region();

  /** Time allowed to one HTTP attempt of one call before it counts as failed (and retryable). */
  @WithDefault("PT20S")
  Duration callTimeout();

  /**
   * Commands executed at the same time; each has at most one MTurk call in flight. The rate limit
   * is what bounds the calls; this only has to cover calls waiting on a slow or lost response.
   */
  @WithDefault("32")
  int maxConcurrency();

  /**
   * Commands read from the topic and not yet done, at most: past this, reading waits. Bounds the
   * gateway's memory and how much a crash makes it repeat.
   */
  @WithDefault("500")
  int maxQueuedCommands();

  /**
   * Calls per second at most, all operations together. MTurk throttles a requester at a few calls
   * per second; on throttling the gateway goes slower than this and recovers gradually.
   */
  @WithDefault("5")
  double rateLimit();

  /** Attempts of one call (throttled, 5xx or network failures) before it is reported retryable. */
  @WithDefault("6")
  int maxAttempts();

  /** Retry and slow-down behaviour on throttling and server errors. */
  Backoff backoff();

  /** What every HIT offers workers. */
  Hit hit();

  /** Finding HITs whose answers are all in with {@code ListReviewableHITs}. */
  Reviewable reviewable();

  /**
   * One {@code ListReviewableHITs} page names up to 100 HITs whose assignments are all submitted
   * (or that expired), so scanning it costs a fraction of a call per task, where polling each HIT
   * would cost several; the core reads a HIT's answers once it is named.
   */
  interface Reviewable {

    /** Off: the core finds answers only by polling each HIT (set {@code core.poll.*} lower). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Time between scans while they find HITs whose answers are newly all in. After each scan that
     * finds none the wait doubles, up to {@link #maxInterval()}.
     */
    @WithDefault("PT10S")
    Duration interval();

    /**
     * Longest time between scans, reached while they find nothing: the most a finished HIT waits
     * before the core reads its answers. At least {@link #interval()}.
     */
    @WithDefault("PT30S")
    Duration maxInterval();

    /** A HIT still listed this long after it was reported is reported again. */
    @WithDefault("PT2M")
    Duration reReport();

    /** Pages (of 100 HITs) read per scan at most, so a long list cannot eat the call budget. */
    @WithDefault("10")
    int maxPages();
  }

  /** Retry delays of one call, and the rate adjustment of all calls (AIMD). */
  interface Backoff {

    /** Delay before the first retry of a call; doubles with each further retry. */
    @WithDefault("PT0.5S")
    Duration initial();

    /** Longest delay between two attempts of one call. */
    @WithDefault("PT30S")
    Duration max();

    /** Share of each delay drawn at random (0 = none, 1 = anywhere from 0 to the delay). */
    @WithDefault("0.5")
    double jitter();

    /** An interval with this share of calls throttled or failed (5xx) or more slows down. */
    @WithDefault("0.5")
    double overloadShare();

    /** The call rate is multiplied by this after an interval of mostly refused calls. */
    @WithDefault("0.5")
    double decreaseFactor();

    /** The call rate never goes below this many calls per second. */
    @WithDefault("0.2")
    double minRate();

    /**
     * Calls per second given back per interval with under half {@link #overloadShare()} refused.
     */
    @WithDefault("0.5")
    double recoveryStep();

    /** How often the rate is judged: one decrease, one recovery step or no change per interval. */
    @WithDefault("PT1S")
    Duration recoveryInterval();
  }

  /** The HIT offered to workers: one image, one yes/no question. */
  interface Hit {

    /** Dollars paid per approved assignment (MTurk adds its fee, 20%, at least $0.01). */
    @WithDefault("0.05")
    BigDecimal reward();

    /** How long the HIT is offered before it expires (the task then fails as Expired). */
    @WithDefault("PT12H")
    Duration lifetime();

    /** Time a worker has to answer once they accepted an assignment. */
    @WithDefault("PT10M")
    Duration assignmentDuration();

    /** Submitted assignments are approved (paid) automatically after this long. */
    @WithDefault("P3D")
    Duration autoApprovalDelay();

    /** Title workers see in the HIT list. */
    @WithDefault("Does this image contain a given object?")
    String title();

    /** Description workers see in the HIT list. */
    @WithDefault("Look at one image and answer yes or no: does it contain the named object?")
    String description();

    /** Comma-separated search keywords. */
    @WithDefault("image, classification, yes/no, quick")
    String keywords();

    /**
     * Who may work on the HIT: each entry {@code QualificationTypeId:Comparator[:Value[|Value…]]},
     * values integers or country codes, e.g. {@code 000000000000000000L0:GreaterThanOrEqualTo:95}
     * (approval rate ≥ 95%) or {@code 00000000000000000071:In:US|CA} (locale). None by default.
     */
    Optional<List<String>> qualificationRequirements();

    /** Height in pixels of the frame the question is shown in. */
    @WithDefault("640")
    int frameHeight();
  }

  /** Keeping workers whose answers tell nothing off this service's HITs (see WorkerExclusion). */
  Exclusion exclusion();

  /** Exclusion of uninformative workers. */
  interface Exclusion {
    /**
     * Grant workers the core finds uninformative (random, always-yes, always-no) a qualification,
     * and require on every HIT that workers do not have it: they can no longer accept our HITs.
     */
    @WithDefault("true")
    boolean enabled();

    /** Name of that qualification type; created at first use, found by name after that. */
    @WithDefault("image-contains: excluded workers")
    String qualificationName();

    /** Answers a worker needs in the core's window before they are judged. */
    @WithDefault("20")
    int minAnswers();

    /**
     * Workers whose answers move the odds by less than this on average (log-odds) are excluded: an
     * honest 80% worker's move them by 1.4, a 57% worker's by 0.3, a coin-flipper's by about 0.
     */
    @WithDefault("0.3")
    double maxWeight();

    /** Never exclude more than this share of the workers known. */
    @WithDefault("0.5")
    double maxShare();
  }

  /** Where MTurk is, per environment. */
  enum Environment {
    SANDBOX(
        "https://mturk-requester-sandbox.us-east-1.amazonaws.com", HitQuestion.SANDBOX_SUBMIT_URL),
    PRODUCTION(
        "https://mturk-requester.us-east-1.amazonaws.com", HitQuestion.PRODUCTION_SUBMIT_URL);

    private final URI endpoint;
    private final URI externalSubmitUrl;

    Environment(String endpoint, URI externalSubmitUrl) {
      this.endpoint = URI.create(endpoint);
      this.externalSubmitUrl = externalSubmitUrl;
    }

    public URI endpoint() {
      return endpoint;
    }

    /** Where the HTMLQuestion's form posts the worker's answer. */
    public URI externalSubmitUrl() {
      return externalSubmitUrl;
    }
  }

  /** The Requester API URL in effect. */
  default URI effectiveEndpoint() {
    return endpoint().orElse(environment().endpoint());
  }
}
