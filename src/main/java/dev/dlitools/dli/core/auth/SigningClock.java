package dev.dlitools.dli.core.auth;

/**
 * What to say when a service refuses a request for the time it was signed at: DLI, IAM and OBS all refuse signatures
 * made more than 15 minutes off their own clock, a skew that containers and VMs without time sync reach.
 */
public final class SigningClock {

    /** The advice, one sentence. */
    public static final String ADVICE =
            "Check this machine's clock: the service refuses requests signed more than 15 minutes off.";

    private SigningClock() {}
}
