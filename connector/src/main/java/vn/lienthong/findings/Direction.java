package vn.lienthong.findings;

/**
 * Which way a document travels. OUTBOUND: from our DMS to the axis, judged strictly (we send only what every
 * receiver can take). INBOUND: from the axis to our DMS, judged liberally (refused only when it cannot be read or
 * delivered). Tracking records it; the severity policy has a column for each.
 */
public enum Direction {
    OUTBOUND,
    INBOUND
}
