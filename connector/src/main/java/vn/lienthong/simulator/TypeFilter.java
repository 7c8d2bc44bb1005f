package vn.lienthong.simulator;

import java.util.Locale;
import vn.lienthong.edxml.MessageType;

/**
 * The {@code messagetype} header of the list calls: {@code edoc} or {@code status} (any case), or absent for
 * both; anything else is refused with a plain reason.
 *
 * @param type    null for "any type"
 * @param refusal null unless the header is unusable
 */
record TypeFilter(MessageType type, String refusal) {

    static TypeFilter of(Caller caller) {
        String value = caller.header("messagetype").orElse(null);
        if (value == null) {
            return new TypeFilter(null, null);
        }
        for (MessageType type : MessageType.values()) {
            if (type.wireName().equals(value.toLowerCase(Locale.ROOT))) {
                return new TypeFilter(type, null);
            }
        }
        return new TypeFilter(null, "messagetype must be edoc or status");
    }
}
