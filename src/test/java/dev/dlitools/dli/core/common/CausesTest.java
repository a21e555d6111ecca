package dev.dlitools.dli.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void afterRunsTheStepAndReturnsTheFailure() {
        List<String> steps = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("wait interrupted");

        RuntimeException thrown = Causes.after(failure, () -> steps.add("result written"));

        assertThat(thrown).isSameAs(failure).hasNoSuppressedExceptions();
        assertThat(steps).containsExactly("result written");
    }

    @Test
    void aFailedStepIsKeptBesideTheFailureNotInItsPlace() {
        IllegalStateException failure = new IllegalStateException("wait interrupted");
        IllegalArgumentException notWritten = new IllegalArgumentException("disk full");

        RuntimeException thrown = Causes.after(failure, () -> {
            throw notWritten;
        });

        assertThat(thrown).isSameAs(failure);
        assertThat(thrown.getSuppressed()).containsExactly(notWritten);
    }
}
