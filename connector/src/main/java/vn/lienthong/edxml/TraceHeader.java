package vn.lienthong.edxml;

/** One hop of the routing trace: which agency handled the envelope, and when ({@code yyyy/MM/dd HH:mm:ss}). */
public record TraceHeader(String organId, String timestamp) {
}
