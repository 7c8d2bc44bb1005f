package vn.lienthong.transport;

/**
 * The axis refused a document for good (it answered that the document itself is wrong): retrying cannot help,
 * so the route moves it straight to the dead-letter address with this reason.
 */
public final class DocumentRefusedByAxis extends Exception {

    public DocumentRefusedByAxis(String reason) {
        super(reason, null, false, false);
    }
}
