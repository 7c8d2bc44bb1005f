package vn.lienthong.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JVM settings a connector runs with, said once at start so that an operator can see whether the settings chosen
 * for small machines (bin/lienthong, docs/operating.md "JVM settings") are in force.
 */
final class JvmFacts {

    private JvmFacts() {
    }

    /**
     * For example "heap max 256 MiB, GC Copy+MarkSweepCompact, JIT C1, and C2 only where bin/../config/jit-directives.json
     * lets it, 2 CPUs".
     */
    static String describe() {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining("+"));
        return "heap max " + maxHeapMiB() + " MiB, GC " + collectors + ", JIT " + compilers() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs";
    }

    /** The -Xmx in force (MaxHeapSize); the runtime's own figure leaves out a survivor space. */
    private static long maxHeapMiB() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Long.parseLong(hotspot.getVMOption("MaxHeapSize").getValue()) / (1024 * 1024);
        } catch (RuntimeException notHotSpot) {
            return Runtime.getRuntime().maxMemory() / (1024 * 1024);
        }
    }

    private static String compilers() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            String tiered = hotspot.getVMOption("TieredCompilation").getValue();
            String stopAt = hotspot.getVMOption("TieredStopAtLevel").getValue();
            if (!"true".equals(tiered)) {
                return "C2 only (TieredCompilation off)";
            }
            if (!"4".equals(stopAt)) {
                return "C1 only (TieredStopAtLevel=" + stopAt + ")";
            }
            return directivesFile(hotspot).map(file -> "C1, and C2 only where " + file + " lets it").orElse("C1 and C2 (tiered)");
        } catch (RuntimeException notHotSpot) {
            return "unknown (" + ManagementFactory.getRuntimeMXBean().getVmName() + ")";
        }
    }

    /** The compiler directives file, when one was given (a diagnostic option, unknown unless they are unlocked). */
    private static Optional<String> directivesFile(HotSpotDiagnosticMXBean hotspot) {
        try {
            return Optional.of(hotspot.getVMOption("CompilerDirectivesFile").getValue()).filter(file -> !file.isEmpty());
        } catch (IllegalArgumentException locked) {
            return Optional.empty();
        }
    }
}
