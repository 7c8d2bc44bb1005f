package vn.lienthong.dms;

import java.nio.file.Path;

/** A file a client uploaded, already on disk (interfaces stream uploads to temporary files). */
public record AttachedFile(String name, Path file) {
}
