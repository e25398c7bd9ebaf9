package deepq4j.opencl;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides whether a test that needs OpenCL runs here (see {@link RequiresOpenCl}), for JUnit's
 * tests (an {@link ExecutionCondition}) and for jqwik's properties (a {@link SkipExecutionHook}).
 *
 * <ul>
 *   <li>{@code -Dopencl.skipTests=true}: skipped, even where a platform exists.
 *   <li>A platform with a device: runs.
 *   <li>None, and {@code -Dopencl.required=true} (or the environment variable
 *       {@code DEEPQ4J_OPENCL_REQUIRED=true}, which lets CI run the README's command unchanged):
 *       runs, so that it fails on the missing platform with {@link OpenClUnavailableException}'s
 *       message. A broken install in CI cannot pass by skipping.
 *   <li>None otherwise: skipped, and the first skip in this JVM prints one line saying why and how
 *       to install a platform.
 * </ul>
 */
public final class OpenClCondition implements ExecutionCondition, SkipExecutionHook {
    private static String missing; // why there is no platform, or "" when there is one; probed once
    private static boolean noticePrinted;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = skipReason();
        return reason == null ? ConditionEvaluationResult.enabled("an OpenCL platform is available, or required")
                : ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        String reason = skipReason();
        return reason == null ? SkipResult.doNotSkip() : SkipResult.skip(reason);
    }

    /** For tests that cannot carry the annotation (dynamic tests): aborts, so skips, the same way. */
    public static void assumeAvailable() {
        String reason = skipReason();
        Assumptions.assumeTrue(reason == null, reason);
    }

    private static boolean required() {
        return Boolean.getBoolean("opencl.required") || "true".equalsIgnoreCase(System.getenv("DEEPQ4J_OPENCL_REQUIRED"));
    }

    /** Why tests that need OpenCL are skipped here, or null when they run. */
    private static synchronized String skipReason() {
        if (Boolean.getBoolean("opencl.skipTests")) {
            return "-Dopencl.skipTests=true";
        }
        if (missing == null) {
            try {
                OpenClDevice.all();
                missing = "";
            } catch (OpenClUnavailableException e) {
                missing = e.getMessage();
            }
        }
        if (missing.isEmpty() || required()) {
            return null;
        }
        String reason = "no OpenCL platform: " + missing;
        if (!noticePrinted) {
            noticePrinted = true;
            System.out.println("[deepq4j] OpenCL tests SKIPPED, " + reason
                    + ". -Dopencl.required=true makes a missing platform fail the build.");
        }
        return reason;
    }
}
