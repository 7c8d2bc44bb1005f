package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code run} with a configuration it must refuse: a loopback axis that is never called, plus {@code settings}. Checks
 * what every refusal of a setting has in common (exit code 2, nothing started, one plain line without a stack trace)
 * and returns that line for the test to check what it says.
 */
final class UnusableConfiguration {

    private UnusableConfiguration() {
    }

    /**
     * Writes {@code directory/connector.properties}: data under {@code directory/data}, a loopback axis that is never
     * called, and {@code settings}.
     */
    static Path configWith(Path directory, String settings) throws IOException {
        Path secret = Files.writeString(directory.resolve("axis.secret"), "axis-secret\n", StandardCharsets.UTF_8);
        return Files.writeString(directory.resolve("connector.properties"), """
                lienthong.data.directory=%s
                lienthong.axis.endpoint=http://127.0.0.1:9
                lienthong.axis.system-id=vpcp.test
                lienthong.axis.secret-file=%s
                %s
                """.formatted(directory.resolve("data"), secret, settings).replace("\\", "\\\\"), StandardCharsets.UTF_8);
    }

    static String refusalOf(Path directory, String settings) throws IOException {
        Path config = configWith(directory, settings);
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new String[] {"run", "--config", config.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(exitCode).isEqualTo(ExitCodes.UNREADABLE_OR_USAGE);
        assertThat(Files.exists(directory.resolve("data"))).as("nothing started").isFalse();
        String error = err.toString();
        assertThat(error).startsWith("Cấu hình không dùng được / Unusable configuration: ")
                .doesNotContain("Exception").doesNotContain("\tat ");
        return error;
    }
}
