package vn.lienthong.simulator;

import java.net.URI;

/**
 * The commands a person types to drive {@code /simulator/faults} with curl, printed by {@code simulate-axis} and by
 * the demo so that what they show is exactly what works.
 */
public final class OutageCommands {

    /** Every call answered 503. */
    public static final String UNAVAILABLE = "unavailableSeconds";
    /** Every sendEdoc refused (HTTP 400). */
    public static final String REFUSE_SENDS = "refuseSendsSeconds";
    /** Nothing listening (connection refused). */
    public static final String DOWN = "downSeconds";

    private OutageCommands() {
    }

    /** Opens the window {@code field} for {@code seconds}. */
    public static String inject(URI control, String field, long seconds) {
        return "curl -s -X POST -H 'Content-Type: application/json' -d '{\"" + field + "\": " + seconds + "}' " + control;
    }

    /** Says which windows are open. */
    public static String show(URI control) {
        return "curl -s " + control;
    }

    /** Ends the 503 and refusal windows now. */
    public static String end(URI control) {
        return "curl -s -X DELETE " + control;
    }
}
