package dev.dlitools.dli.core.dli;

import dev.dlitools.dli.core.common.DliException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

/**
 * The service (or the API gateway in front of it) refused a call, answered something unreadable, or could not be
 * reached. The message says what to check; the fields keep what the service said.
 */
public class DliApiException extends DliException {

    /** HTTP status; 0 when no response arrived. */
    private final int httpStatus;

    /** The service's error code, or {@code null}. */
    private final String errorCode;
    /** The service's error message, or {@code null}. */
    private final String errorMessage;
    /** The service's request id, or {@code null}. */
    private final String requestId;

    DliApiException(
            String message, int httpStatus, String errorCode, String errorMessage, String requestId, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
    }

    /** {@return the HTTP status; 0 when no response arrived} */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@return the service's error code, e.g. {@code DLI.0002}, or {@code null} when it sent none} */
    public String errorCode() {
        return errorCode;
    }

    String errorMessage() {
        return errorMessage;
    }

    /** {@return the request id the service answered with, for its support; {@code null} when it sent none} */
    public String requestId() {
        return requestId;
    }

    /** Refused before it was sent (no connection), or throttled in front of the service: it did nothing there. */
    boolean cannotHaveArrived() {
        return httpStatus == 429 || getCause() instanceof ConnectException
                || getCause() instanceof HttpConnectTimeoutException;
    }

    /** No response arrived: refused or dropped connection, time-out. */
    boolean isConnectionFailure() {
        return httpStatus == 0;
    }

    /**
     * Whether trying again may succeed: no answer (refused, dropped, timed out), throttled (429) or a server error
     * (5xx); never an interruption, a refused login or an invalid request.
     *
     * @return {@code true} when a retry may succeed
     */
    public boolean isTransient() {
        if (getCause() instanceof InterruptedException) {
            return false;
        }
        return isConnectionFailure() || httpStatus == 429 || httpStatus / 100 == 5;
    }
}
