package io.imagecontains.workforce.hits;

/**
 * A refusal MTurk would answer with {@code RequestError}: the request was understood but breaks a
 * rule of the Requester API. Carries MTurk's {@code TurkErrorCode} so clients can branch on it.
 */
public final class TurkError extends RuntimeException {
  public static final String HIT_DOES_NOT_EXIST = "AWS.MechanicalTurk.HITDoesNotExist";
  public static final String HIT_ALREADY_EXISTS = "AWS.MechanicalTurk.HitAlreadyExists";
  public static final String EXTEND_ALREADY_DONE = "AWS.MechanicalTurk.ExtendHITAlreadyExists";
  public static final String INVALID_MAX_INCREASE =
      "AWS.MechanicalTurk.InvalidMaximumAssignmentsIncrease";
  public static final String ASSIGNMENT_DOES_NOT_EXIST =
      "AWS.MechanicalTurk.AssignmentDoesNotExist";
  public static final String INVALID_ASSIGNMENT_STATE = "AWS.MechanicalTurk.InvalidAssignmentState";
  public static final String INVALID_HIT_STATE = "AWS.MechanicalTurk.InvalidHITState";
  public static final String QUALIFICATION_TYPE_ALREADY_EXISTS =
      "AWS.MechanicalTurk.QualificationTypeAlreadyExists";
  public static final String QUALIFICATION_TYPE_DOES_NOT_EXIST =
      "AWS.MechanicalTurk.QualificationTypeDoesNotExist";
  public static final String QUALIFICATION_DOES_NOT_EXIST =
      "AWS.MechanicalTurk.QualificationDoesNotExist";
  public static final String MISSING_PARAMETERS = "AWS.MissingParameters";
  public static final String PARAMETER_OUT_OF_RANGE = "AWS.ParameterOutOfRange";
  public static final String UNSUPPORTED_OPERATION = "AWS.MechanicalTurk.UnsupportedOperation";

  private final String turkErrorCode;

  public TurkError(String turkErrorCode, String message) {
    super(message, null, false, false);
    this.turkErrorCode = turkErrorCode;
  }

  public String turkErrorCode() {
    return turkErrorCode;
  }

  static TurkError noSuchHit(String hitId) {
    return new TurkError(HIT_DOES_NOT_EXIST, "Hit " + hitId + " does not exist.");
  }

  static TurkError noSuchAssignment(String assignmentId) {
    return new TurkError(
        ASSIGNMENT_DOES_NOT_EXIST, "Assignment " + assignmentId + " does not exist.");
  }
}
