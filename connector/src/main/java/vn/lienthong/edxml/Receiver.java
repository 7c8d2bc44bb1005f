package vn.lienthong.edxml;

/** A recipient named by an update's BussinessDocumentInfo. */
public record Receiver(String organId, String receiverType) {
}
