package vn.lienthong.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

/**
 * The JVM settings a connector runs with, said once at start so that an operator can see whether the settings chosen
 * for small machines (bin/lienthong, docs/operating.md "JVM settings") are in force.
 */
final class JvmFacts {

    private JvmFacts() {
    }

    /** For example "heap max 256 MiB, GC Copy+MarkSweepCompact, JIT C1 only (TieredStopAtLevel=1), 2 CPUs". */
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
            return "4".equals(stopAt) ? "C1 and C2 (tiered)" : "C1 only (TieredStopAtLevel=" + stopAt + ")";
        } catch (RuntimeException notHotSpot) {
            return "unknown (" + ManagementFactory.getRuntimeMXBean().getVmName() + ")";
        }
    }
}
