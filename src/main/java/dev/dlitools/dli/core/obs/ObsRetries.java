package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.Causes;
import dev.dlitools.dli.core.retry.RetryPolicy;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;

/**
 * The SDK's retries for OBS: the same number of attempts as DLI calls, exponential backoff with full jitter, and
 * OBS's transient answers retried besides the SDK's own (HTTP 429 and 5xx, {@code SlowDown}, {@code RequestTimeout},
 * {@code InternalError}, dropped or timed-out connections). Each request is retried on its own, so a failed part of
 * a multipart upload is sent again without restarting the file.
 *
 * <p>Every retry is logged as "attempt n/N" with the operation, key and reason. The SDK's synchronous client runs
 * the interceptor and the retry strategy on the calling thread, so the request being retried is kept per thread.
 */
final class ObsRetries implements ExecutionInterceptor {

    /** OBS's error codes for transient trouble; {@code SlowDown} and 503 also ask for the longer throttling backoff. */
    private static final Set<String> TRANSIENT_CODES =
            Set.of("SlowDown", "RequestTimeout", "InternalError", "ServiceUnavailable", "Throttling");
    private static final Set<String> THROTTLING_CODES = Set.of("SlowDown", "Throttling");

    private final int maxAttempts;
    private final BuildLog log;
    private final ThreadLocal<String> currentRequest = new ThreadLocal<>();

    ObsRetries(int retries, BuildLog log) {
        this.maxAttempts = RetryPolicy.checkRetries(retries) + 1;
        this.log = log;
    }

    /** Whether the SDK retries this failure; never authentication or validation errors (other 4xx). */
    private static boolean isTransient(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return TRANSIENT_CODES.contains(code) || service.statusCode() == 429 || service.statusCode() / 100 == 5;
        }
        if (failure instanceof SdkClientException client && client.retryable()) {
            return true;
        }
        return Causes.find(failure, IOException.class) != null;
    }

    private static boolean isThrottling(Throwable failure) {
        return failure instanceof AwsServiceException service && (service.statusCode() == 429
                || service.statusCode() == 503 || service.awsErrorDetails() != null
                && THROTTLING_CODES.contains(service.awsErrorDetails().errorCode()));
    }

    RetryStrategy strategy() {
        RetryStrategy standard = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(RetryPolicy.BASE_BACKOFF, RetryPolicy.MAX_BACKOFF))
                .throttlingBackoffStrategy(
                        BackoffStrategy.exponentialDelay(RetryPolicy.BASE_BACKOFF, RetryPolicy.MAX_BACKOFF))
                .retryOnException(ObsRetries::isTransient)
                .treatAsThrottling(ObsRetries::isThrottling)
                // a build retries each request its few times; it must not refuse retries because others failed
                .circuitBreakerEnabled(false)
                .build();
        return new LoggingStrategy(standard);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        currentRequest.set(describe(context.request(), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        currentRequest.remove();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        currentRequest.remove();
    }

    private static String describe(SdkRequest request, String operation) {
        StringBuilder text = new StringBuilder(operation == null ? request.getClass().getSimpleName() : operation);
        request.getValueForField("Key", String.class).ifPresent(key -> text.append(" '").append(key).append('\''));
        request.getValueForField("PartNumber", Integer.class).ifPresent(part -> text.append(" part ").append(part));
        request.getValueForField("Prefix", String.class).ifPresent(prefix -> text.append(" prefix '")
                .append(prefix).append('\''));
        return text.toString();
    }

    /** What went wrong, without anything of the request (no credentials). */
    private static String reason(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return "HTTP " + service.statusCode() + (code == null ? "" : " " + code);
        }
        Throwable root = Causes.root(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Counts the attempts of one request and logs each retry. */
    private final class LoggingStrategy implements RetryStrategy {

        private final RetryStrategy delegate;

        LoggingStrategy(RetryStrategy delegate) {
            this.delegate = delegate;
        }

        @Override
        public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
            AcquireInitialTokenResponse response = delegate.acquireInitialToken(request);
            return AcquireInitialTokenResponse.create(new CountedToken(response.token(), 1), response.delay());
        }

        @Override
        public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
            CountedToken token = (CountedToken) request.token();
            RefreshRetryTokenResponse response = delegate.refreshRetryToken(request.toBuilder()
                    .token(token.delegate())
                    .build());
            int next = token.attempt() + 1;
            String what = currentRequest.get();
            log.warn("OBS " + (what == null ? "request" : what) + " failed (" + reason(request.failure())
                    + "); attempt " + next + "/" + maxAttempts + " in " + RetryPolicy.seconds(response.delay()));
            return RefreshRetryTokenResponse.create(new CountedToken(response.token(), next), response.delay());
        }

        @Override
        public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
            CountedToken token = (CountedToken) request.token();
            RecordSuccessResponse response = delegate.recordSuccess(RecordSuccessRequest.create(token.delegate()));
            return RecordSuccessResponse.create(new CountedToken(response.token(), token.attempt()));
        }

        @Override
        public int maxAttempts() {
            return delegate.maxAttempts();
        }

        /** Configured completely here: the client must not add its defaults (which would drop the logging). */
        @Override
        public boolean useClientDefaults() {
            return false;
        }

        @Override
        public Builder<?, ?> toBuilder() {
            throw new UnsupportedOperationException("the OBS retry strategy is built by ObsClientFactory");
        }
    }

    private record CountedToken(RetryToken delegate, int attempt) implements RetryToken {}
}
