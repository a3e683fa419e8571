package io.imagecontains.mturk;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.mturk.model.RequestErrorException;
import software.amazon.awssdk.services.mturk.model.ServiceException;

/**
 * Why one attempt of an MTurk call failed, as the gateway needs to know it: whether to slow down,
 * whether to try again, and MTurk's error code ({@code TurkErrorCode} when MTurk gave one).
 *
 * @param outcome how the attempt ended (the metrics' {@code outcome} tag)
 * @param code MTurk's TurkErrorCode, the AWS error code, or the exception's class name
 * @param message MTurk's message (never contains credentials: the SDK does not echo them)
 */
public record TurkFailure(MTurkMetrics.Outcome outcome, String code, String message) {

  public static final String HIT_ALREADY_EXISTS = "AWS.MechanicalTurk.HitAlreadyExists";
  public static final String EXTEND_ALREADY_DONE = "AWS.MechanicalTurk.ExtendHITAlreadyExists";
  public static final String HIT_DOES_NOT_EXIST = "AWS.MechanicalTurk.HITDoesNotExist";
  public static final String INVALID_HIT_STATE = "AWS.MechanicalTurk.InvalidHITState";
  public static final String INVALID_ASSIGNMENT_STATE = "AWS.MechanicalTurk.InvalidAssignmentState";

  public static TurkFailure of(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof AwsServiceException aws) {
      return ofService(aws);
    }
    if (e instanceof SdkClientException) {
      return new TurkFailure(
          MTurkMetrics.Outcome.NETWORK_ERROR, e.getClass().getSimpleName(), e.getMessage());
    }
    return new TurkFailure(
        MTurkMetrics.Outcome.CLIENT_ERROR, e.getClass().getSimpleName(), e.getMessage());
  }

  private static TurkFailure ofService(AwsServiceException e) {
    String awsCode = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message =
        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    if (e.isThrottlingException()) {
      return new TurkFailure(MTurkMetrics.Outcome.THROTTLED, orName(awsCode, e), message);
    }
    if (e instanceof ServiceException || e.statusCode() >= 500) {
      return new TurkFailure(MTurkMetrics.Outcome.SERVER_ERROR, orName(awsCode, e), message);
    }
    String code = e instanceof RequestErrorException r ? r.turkErrorCode() : null;
    return new TurkFailure(
        MTurkMetrics.Outcome.CLIENT_ERROR, code != null ? code : orName(awsCode, e), message);
  }

  /** Throttling or a 5xx: MTurk is telling us to go slower. */
  public boolean overloaded() {
    return outcome == MTurkMetrics.Outcome.THROTTLED
        || outcome == MTurkMetrics.Outcome.SERVER_ERROR;
  }

  /** Trying the same call again later may succeed. */
  public boolean retryable() {
    return overloaded() || outcome == MTurkMetrics.Outcome.NETWORK_ERROR;
  }

  public boolean is(String turkErrorCode) {
    return turkErrorCode.equals(code);
  }

  private static String orName(String code, Throwable e) {
    return code != null ? code : e.getClass().getSimpleName();
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
