package vn.lienthong.edxml;

import java.util.List;

/** The edXMLManifest in the body of an edoc: the list of attachments the document declares. */
public record Manifest(String version, List<ManifestReference> references) {

    public Manifest {
        references = List.copyOf(references);
    }
}
