package vn.lienthong.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lienthong} command line: {@code java -jar lienthong.jar <command> ...}. */
@Command(
        name = "lienthong",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
                "Kết nối hệ thống quản lý văn bản với trục liên thông văn bản quốc gia.",
                "Connects document-management systems to the national document interconnection axis."},
        subcommands = {DemoCommand.class, RunCommand.class, ValidateCommand.class, VerifyCommand.class, ClientsCommand.class,
                InboundCommand.class, HeldCommand.class, DeadLettersCommand.class, DocumentsCommand.class,
                QueuesCommand.class, UsersCommand.class, SimulateAxisCommand.class, AuditCommand.class})
public final class Main {

    public static void main(String[] args) {
        // Before any HTTP server of the JDK is made: they answer without Nagle's delay (see simulator.Listener), unless
        // the command line says otherwise (the benchmark's "before").
        if (System.getProperty(vn.lienthong.simulator.AxisSimulator.HTTP_NO_DELAY) == null) {
            System.setProperty(vn.lienthong.simulator.AxisSimulator.HTTP_NO_DELAY, "true");
        }
        System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Runs one command with the given console streams and returns its exit code (also used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            // IllegalArgumentException is how the code says "this input or setting cannot be used": its message is
            // written for the person who gave it. Anything else is a fault of ours, shown as such.
            if (exception instanceof IllegalArgumentException) {
                line.getErr().println("Không dùng được / Not usable: " + exception.getMessage());
            } else {
                line.getErr().println("Lỗi không mong đợi / Unexpected error: " + exception);
            }
            return ExitCodes.UNREADABLE_OR_USAGE;
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }
}
