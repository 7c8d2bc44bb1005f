package vn.lienthong.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What anchoring the transmission log costs: the demo's two connectors move N documents each way (as
 * {@link TransportThroughput}), in runs that alternate between anchoring off and anchoring far more often than any
 * agency would (by default every second or 200 entries, on the simulator's time-stamping authority). For each run it
 * prints documents per second, and, for the anchored runs, the processor time of the anchoring threads as a share of
 * the whole process's. Usage: {@code AnchoringCost N [PAIRS [INTERVAL [EVERY]]]}, e.g. {@code 300 3 PT10S 0}.
 */
public final class AnchoringCost {

    private AnchoringCost() {
    }

    public static void main(String[] args) throws Exception {
        int perAgency = Integer.parseInt(args[0]);
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Properties off = new Properties();
        off.setProperty("lienthong.audit.enabled", "false");
        Properties often = new Properties();
        String interval = args.length > 2 ? args[2] : "PT1S";
        String every = args.length > 3 ? args[3] : "200";
        often.setProperty("lienthong.audit.anchor-interval", interval);
        often.setProperty("lienthong.audit.anchor-every", every);
        String mode = "anchored every " + interval + (every.equals("0") ? "" : " or " + every + " entries");
        double offSum = 0;
        double onSum = 0;
        for (int pair = 1; pair <= pairs; pair++) {
            TransportThroughput.Run without = run(perAgency, off);
            TransportThroughput.Run with = run(perAgency, often);
            double share = 100.0 * with.anchoringCpu().toNanos() / with.processCpu().toNanos();
            System.out.printf("pair %d: anchoring off %.1f documents/s; %s %.1f"
                    + " documents/s, anchoring threads %.0f ms of %.0f ms process CPU = %.2f%%%n", pair,
                    2 * perAgency / without.seconds(), mode, 2 * perAgency / with.seconds(),
                    with.anchoringCpu().toNanos() / 1e6, with.processCpu().toNanos() / 1e6, share);
            offSum += 2 * perAgency / without.seconds();
            onSum += 2 * perAgency / with.seconds();
        }
        System.out.printf("mean: off %.1f documents/s, anchored %.1f documents/s (%+.1f%%)%n", offSum / pairs,
                onSum / pairs, 100 * (onSum - offSum) / offSum);
    }

    private static TransportThroughput.Run run(int perAgency, Properties extra) throws Exception {
        Path root = Files.createTempDirectory("lienthong-anchoring-");
        try {
            return TransportThroughput.oneRun(root, perAgency, extra);
        } finally {
            TransportThroughput.deleteTree(root);
        }
    }
}
