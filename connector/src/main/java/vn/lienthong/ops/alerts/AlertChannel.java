package vn.lienthong.ops.alerts;

/** Where notices go (a signed webhook, e-mail). A notice that fails is tried again at the next evaluation. */
public interface AlertChannel {

    /** The channel's name in the alert_notice table: {@code webhook}, {@code mail}. */
    String name();

    void send(AlertNotice notice) throws Exception;
}
