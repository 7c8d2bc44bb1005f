package vn.lienthong.edxml;

import java.util.List;

/** Priority, scope and page counts of a document; numbers are kept as sent and checked by the schema. */
public record OtherInfo(
        String priority,
        String sphereOfPromulgation,
        String typerNotation,
        String promulgationAmount,
        String pageAmount,
        List<String> appendixes,
        String direction) {

    public OtherInfo {
        appendixes = List.copyOf(appendixes);
    }
}
