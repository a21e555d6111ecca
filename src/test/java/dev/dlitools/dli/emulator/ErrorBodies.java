package dev.dlitools.dli.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Error bodies in the shapes DLI and the API gateway in front of it use. */
final class ErrorBodies {

    /** DLI: a parameter check failed. */
    static final String INVALID_PARAMETER = "DLI.0001";
    /** DLI: the object (project, group, package) does not exist. */
    static final String NOT_FOUND = "DLI.0002";
    /** DLI: a server-side error. */
    static final String SERVER_ERROR = "DLI.0999";
    /** Gateway: the API does not exist (unknown path or method). */
    static final String NO_SUCH_API = "APIGW.0101";
    /** Gateway: authentication failed. */
    static final String AUTHENTICATION_FAILED = "APIGW.0301";

    private ErrorBodies() {}

    static ObjectNode dli(String errorCode, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("is_success", false);
        body.put("error_code", errorCode);
        body.put("error_msg", message);
        return body;
    }

    static ObjectNode gateway(String errorCode, String message, String requestId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error_code", errorCode);
        body.put("error_msg", message);
        body.put("request_id", requestId);
        return body;
    }

    static ObjectNode authentication(String reason, String requestId) {
        return gateway(AUTHENTICATION_FAILED, "Incorrect IAM authentication information: " + reason, requestId);
    }

    static ObjectNode noSuchApi(String requestId) {
        return gateway(NO_SUCH_API, "The API does not exist or has not been published in the environment", requestId);
    }
}
