package vn.lienthong.dms.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many bytes this process has written so far, by the kernel's count ({@code wchar} of /proc/self/io): the
 * connectors under test run in this JVM, so the difference around a step is what that step wrote, to disk or
 * elsewhere. Linux only.
 */
public final class ProcessIo {

    private ProcessIo() {
    }

    public static long bytesWritten() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (line.startsWith("wchar:")) {
                return Long.parseLong(line.substring("wchar:".length()).strip());
            }
        }
        throw new IllegalStateException("/proc/self/io has no wchar line");
    }
}
