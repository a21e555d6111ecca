package dev.dlitools.dli.core;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.IamClient;
import dev.dlitools.dli.core.dli.SignedHttpClient;
import dev.dlitools.dli.core.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;

/**
 * What every goal needs to talk to DLI: where, as whom, for which project. Opening it resolves the project id
 * through IAM when none is given.
 *
 * @param projectId {@code null} to look it up by region name
 * @param proxy the proxies for DLI, IAM and OBS
 * @param retryPolicy how calls that failed transiently are tried again (for OBS: how many times)
 */
public record DliConnection(
        String region,
        String projectId,
        Endpoints endpoints,
        Credentials credentials,
        Duration connectTimeout,
        Duration readTimeout,
        ProxySettings proxy,
        RetryPolicy retryPolicy) {

    public DliClient open(BuildLog log) {
        SignedHttpClient http = new SignedHttpClient(credentials, connectTimeout, readTimeout, proxy, retryPolicy,
                Clock.systemUTC(), log);
        String project = projectId;
        if (project == null || project.isBlank()) {
            project = new IamClient(http, endpoints.iam()).resolveProjectId(region);
            log.info("Project id of region " + region + " from IAM: " + project);
        }
        return new DliClient(http, endpoints.dli(), project);
    }
}
