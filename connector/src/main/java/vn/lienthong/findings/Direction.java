package vn.lienthong.tracking;

/** OUTBOUND: from our DMS to the axis. INBOUND: from the axis to our DMS. */
public enum Direction {
    OUTBOUND,
    INBOUND
}
