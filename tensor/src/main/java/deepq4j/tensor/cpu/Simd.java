package deepq4j.tensor.cpu;

/**
 * Whether the CPU kernels use the Vector API.
 *
 * <p>{@code jdk.incubator.vector} is present only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}. Without it every kernel runs its scalar path, and the
 * classes that mention the Vector API are never loaded. Tests switch SIMD off to check that both
 * paths agree.
 */
public final class Simd {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static volatile boolean enabled = AVAILABLE && !"false".equals(System.getProperty("deepq4j.simd"));
    private static final boolean HARDWARE_FMA = detectHardwareFma();

    private Simd() {
    }

    /** True when the Vector API module is loaded in this JVM. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** True when kernels take their SIMD paths. */
    public static boolean enabled() {
        return enabled;
    }

    /**
     * The width in bits of the vectors the SIMD paths use (the Vector API's preferred float
     * species: 512 with AVX-512, 256 with AVX2, 128 with SSE or NEON), 0 when they are off. Sums
     * over a vector's lanes round in an order that depends on it, so float results can differ in
     * their last bits from one width to another (and seeded training then goes elsewhere).
     */
    public static int vectorBits() {
        return enabled ? Width.BITS : 0;
    }

    /**
     * True when the JIT compiles a fused multiply-add to one instruction (HotSpot's UseFMA: x86 with
     * AVX and FMA3, every AArch64). Without it (x86 at -XX:UseAVX=0, or a CPU older than Haswell)
     * the Vector API's {@code fma} and {@code Math.fma} fall back to exact software emulation, a
     * hundred times slower, so the kernels multiply and add in two roundings instead (see
     * {@code MulAdd}): other bits than on an FMA machine, the same bits on every run of this one.
     * The system property {@code deepq4j.fma=false} forces that path (for tests).
     */
    public static boolean hardwareFma() {
        return HARDWARE_FMA;
    }

    private static boolean detectHardwareFma() {
        String forced = System.getProperty("deepq4j.fma");
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        try {
            com.sun.management.HotSpotDiagnosticMXBean vm =
                    java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return vm == null || Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError notHotSpot) {
            return true; // another JVM, or one without the option: assume the instruction is there
        }
    }

    /** Loaded only when asked, so that a JVM without the module never touches the Vector API. */
    private static final class Width {
        static final int BITS = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }

    /** Turns the SIMD paths on or off (for tests and benchmarks); on needs the module. */
    public static void setEnabled(boolean on) {
        if (on && !AVAILABLE) {
            throw new IllegalStateException("SIMD needs the JVM flag --add-modules jdk.incubator.vector");
        }
        enabled = on;
    }
}
