package vn.lienthong.edxml;

import java.util.Locale;

/** The two kinds of envelope on the axis: an official document, or a processing-status notice about one. */
public enum MessageType {
    EDOC,
    STATUS;

    /** The lower-case name used on the wire by the axis protocol and in JSON reports ({@code edoc}, {@code status}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
