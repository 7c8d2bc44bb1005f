package vn.lienthong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What Linux says a child process has spent, from /proc: user + system time of the whole process and of its JIT
 * compiler threads (threads named "C1 CompilerThre…" / "C2 CompilerThre…"), and its peak resident set (VmHWM).
 */
record ProcessCpu(long totalMillis, long compilerMillis) {

    /** Clock ticks per second of /proc's times; 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)). */
    private static final long TICKS_PER_SECOND = 100;

    static ProcessCpu of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        long total = ticks(proc.resolve("stat"));
        long compiler = 0;
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        compiler += ticks(task.resolve("stat"));
                    }
                } catch (IOException ended) {
                    // the thread ended between the listing and the read: its time is in the process total
                }
            }
        }
        return new ProcessCpu(total * 1000 / TICKS_PER_SECOND, compiler * 1000 / TICKS_PER_SECOND);
    }

    ProcessCpu minus(ProcessCpu before) {
        return new ProcessCpu(totalMillis - before.totalMillis, compilerMillis - before.compilerMillis);
    }

    /** Peak resident set size in KiB (VmHWM), or -1 when the process is gone. */
    static long peakRssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException gone) {
            // fall through
        }
        return -1;
    }

    /** utime + stime, fields 14 and 15 of a stat line, counted after the command name's closing parenthesis. */
    private static long ticks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
