package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.auth.SigningClock;
import dev.dlitools.dli.core.common.Causes;
import dev.dlitools.dli.core.common.Setting;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK and I/O failures into {@link ObsUploadException}s that say what to check. Messages are built from the
 * error code, message and request id only, so nothing from the request (credentials) can leak into them.
 */
final class ObsErrors {

    private final ObsClientSettings settings;

    ObsErrors(ObsClientSettings settings) {
        this.settings = settings;
    }

    ObsUploadException forFile(Path file, String bucket, String key, Throwable failure) {
        return build("Upload of " + file + " to bucket '" + bucket + "' key '" + key + "' failed: ", bucket,
                failure);
    }

    ObsUploadException forListing(String bucket, String prefix, Throwable failure) {
        return build("Listing bucket '" + bucket + "' under prefix '" + prefix + "' failed: ", bucket, failure);
    }

    private ObsUploadException build(String context, String bucket, Throwable failure) {
        FileChangedException changed = Causes.find(failure, FileChangedException.class);
        if (changed != null) {
            return new ObsUploadException(context + changed.getMessage(), null, failure);
        }
        if (failure instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String message = details == null ? null : details.errorMessage();
            String text = (code == null ? "HTTP " + service.statusCode() : code + ": " + message
                    + " (HTTP " + service.statusCode() + ")")
                    + (service.requestId() == null ? "" : ", request id " + service.requestId()) + ". "
                    + hint(code, service.statusCode(), bucket) + gaveUp(failure);
            return new ObsUploadException(context + text, code, failure);
        }
        String reason = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        if (Causes.find(failure, SocketTimeoutException.class) != null) {
            return new ObsUploadException(context + "no answer within " + settings.readTimeout().toSeconds()
                    + " s. OBS is slow or unreachable; try again later, or raise " + Setting.READ_TIMEOUT.named() + "."
                    + gaveUp(failure), null, failure);
        }
        if (failure instanceof SdkClientException) {
            return new ObsUploadException(context + reason + ". Check the OBS endpoint " + settings.endpoint()
                    + " " + Setting.OBS_ENDPOINT.aside() + ", the network and the proxy settings." + gaveUp(failure),
                    null, failure);
        }
        return new ObsUploadException(context + reason, null, failure);
    }

    /** The SDK retried the failure before giving up; say so, so nobody just runs the build again. */
    private static String gaveUp(Throwable failure) {
        SdkException sdk = Causes.find(failure, SdkException.class);
        Integer attempts = sdk == null ? null : sdk.numAttempts();
        return attempts != null && attempts > 1
                ? " Gave up after " + attempts + " attempts " + Setting.RETRIES.aside() + "."
                : "";
    }

    private String hint(String code, int status, String bucket) {
        Credentials credentials = settings.credentials();
        String credentialText = "access key " + credentials.maskedAccessKey() + " from " + credentials.source();
        if ("NoSuchBucket".equals(code)) {
            return "Bucket '" + bucket + "' does not exist at " + settings.endpoint() + ": check "
                    + Setting.BUCKET.named() + ", and that " + Setting.OBS_ENDPOINT.named() + " and "
                    + Setting.REGION.named() + " are the bucket's.";
        }
        if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
            return "OBS did not accept the credentials (" + credentialText + "): check the access key and secret key.";
        }
        if ("InvalidToken".equals(code) || "ExpiredToken".equals(code) || "TokenRefreshRequired".equals(code)) {
            return "The security token of the temporary credentials (" + credentialText
                    + ") is invalid or expired: get fresh temporary credentials.";
        }
        if ("RequestTimeTooSkewed".equals(code)) {
            // a 403 that says nothing of the permissions the hint below would send the user to check
            return SigningClock.ADVICE;
        }
        if ("BadDigest".equals(code)) {
            return "The file changed while it was being uploaded; rebuild and upload again.";
        }
        if ("AccessDenied".equals(code) || "AllAccessDisabled".equals(code) || status == 403) {
            return "Check that " + credentialText + " may list and write bucket '" + bucket
                    + "' (bucket policy, IAM permissions), or set " + Setting.BUCKET.named() + " to one it may; and "
                    + "that the OBS endpoint " + settings.endpoint() + " " + Setting.OBS_ENDPOINT.aside()
                    + " and region " + settings.region() + " " + Setting.REGION.aside() + " are the bucket's.";
        }
        if ("PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code) || status == 301) {
            return "The bucket is in another region: set " + Setting.REGION.named() + " or "
                    + Setting.OBS_ENDPOINT.named() + " to the bucket's.";
        }
        return "Check " + Setting.BUCKET.named() + ", the OBS endpoint " + settings.endpoint() + " "
                + Setting.OBS_ENDPOINT.aside() + " and region " + settings.region() + " " + Setting.REGION.aside()
                + ".";
    }
}
