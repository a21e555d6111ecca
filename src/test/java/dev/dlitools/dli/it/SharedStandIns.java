package dev.dlitools.dli.it;

import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.testsupport.LocalStandIns;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link LocalStandIns} shared by the tests of one class, for ITs whose tests do not disturb each other
 * ({@code @RegisterExtension static final SharedStandIns dli = new SharedStandIns(LocalStandIns.builder()...)}).
 */
final class SharedStandIns implements BeforeAllCallback, AfterAllCallback {

    private final LocalStandIns.Builder builder;
    private LocalStandIns standIns;

    SharedStandIns(LocalStandIns.Builder builder) {
        this.builder = builder;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        standIns = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        standIns.close();
    }

    LocalStandIns standIns() {
        return standIns;
    }

    DliEmulator emulator() {
        return standIns.emulator();
    }
}
