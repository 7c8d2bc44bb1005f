package vn.lienthong.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import vn.lienthong.edxml.EdxmlNames;
import vn.lienthong.findings.Location;

/**
 * Passes the XML events of an envelope to the XSD validator, except the text inside ContentTransferEncoded:
 * the validator would buffer all of it to check its type, so it sees an empty (valid) value instead. Keeps the
 * element path so that schema errors can say where they are.
 */
final class AttachmentTextHidingReader extends StreamReaderDelegate {

    private final Deque<String> path = new ArrayDeque<>();
    private final Deque<Map<String, Integer>> siblingCounts = new ArrayDeque<>();
    private boolean closePending;
    private int hiddenDepth;

    AttachmentTextHidingReader(XMLStreamReader reader) {
        super(reader);
        siblingCounts.push(new HashMap<>());
    }

    @Override
    public int next() throws XMLStreamException {
        while (true) {
            if (closePending) {
                path.pop();
                siblingCounts.pop();
                closePending = false;
            }
            int event = super.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = getLocalName();
                int position = siblingCounts.peek().merge(name, 1, Integer::sum);
                String parent = path.isEmpty() ? "" : lastStep(path.peek());
                boolean indexed = position > 1 || EdxmlNames.isRepeatable(parent, name);
                path.push((path.isEmpty() ? "" : path.peek()) + "/" + (indexed ? name + "[" + position + "]" : name));
                siblingCounts.push(new HashMap<>());
                if (hiddenDepth > 0) {
                    hiddenDepth++;
                } else if (EdxmlNames.NAMESPACE.equals(getNamespaceURI()) && "ContentTransferEncoded".equals(name)) {
                    hiddenDepth = 1;
                }
                return event;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                closePending = true;
                if (hiddenDepth > 0) {
                    hiddenDepth--;
                }
                return event;
            }
            boolean text = event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE;
            if (!(text && hiddenDepth > 0)) {
                return event;
            }
        }
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace() || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
            event = next();
        }
        return event;
    }

    private static String lastStep(String fullPath) {
        String step = fullPath.substring(fullPath.lastIndexOf('/') + 1);
        int bracket = step.indexOf('[');
        return bracket >= 0 ? step.substring(0, bracket) : step;
    }

    Location currentLocation() {
        javax.xml.stream.Location at = getLocation();
        return new Location(at.getLineNumber(), at.getColumnNumber(), path.isEmpty() ? "" : path.peek());
    }
}
