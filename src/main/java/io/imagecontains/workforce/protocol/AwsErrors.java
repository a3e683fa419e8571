package io.imagecontains.workforce.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Error bodies in AWS JSON 1.1 as the SDK's MTurk client decodes them: {@code __type} selects the
 * exception ({@code RequestError} → {@code RequestErrorException}, {@code ServiceFault} → {@code
 * ServiceException}); {@code ThrottlingException} is one of the codes the SDK treats as throttling
 * and retries with its throttling backoff.
 */
final class AwsErrors {
  static final int CLIENT = 400;
  static final int FORBIDDEN = 403;
  static final int SERVER = 500;

  private AwsErrors() {}

  static ObjectNode requestError(String turkErrorCode, String message) {
    ObjectNode body = of("RequestError", message);
    body.put("TurkErrorCode", turkErrorCode);
    return body;
  }

  static ObjectNode serviceFault(String message) {
    ObjectNode body = of("ServiceFault", message);
    body.put("TurkErrorCode", "AWS.ServiceUnavailable");
    return body;
  }

  static ObjectNode throttling() {
    return of("ThrottlingException", "Rate exceeded");
  }

  static ObjectNode of(String type, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("__type", type);
    body.put("Message", message);
    return body;
  }
}
