package vn.lienthong.findings;

/**
 * Where a finding points: line and column in the file (0 when unknown) and the element path,
 * e.g. {@code /edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganId}.
 */
public record Location(int line, int column, String path) {

    public static final Location UNKNOWN = new Location(0, 0, "");

    public static Location at(int line, int column) {
        return new Location(line, column, "");
    }

    public boolean hasPosition() {
        return line > 0;
    }

    public Location withPath(String newPath) {
        return new Location(line, column, newPath);
    }

    @Override
    public String toString() {
        String position = hasPosition() ? line + ":" + column : "";
        if (path.isEmpty()) {
            return position;
        }
        return position.isEmpty() ? path : position + " " + path;
    }
}
