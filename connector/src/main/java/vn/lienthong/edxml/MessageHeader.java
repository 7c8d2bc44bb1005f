package vn.lienthong.edxml;

/** The MessageHeader: either the header of an official document or that of a status notice. */
public sealed interface MessageHeader permits EdocHeader, StatusHeader {

    /** The agency that sends the document, or reports the status; null when the envelope has no From. */
    Organization from();

    MessageType messageType();
}
