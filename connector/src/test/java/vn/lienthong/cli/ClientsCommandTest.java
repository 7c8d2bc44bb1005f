package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;

class ClientsCommandTest {

    @TempDir
    Path directory;

    private String add(String... options) {
        StringWriter out = new StringWriter();
        String[] args = new String[options.length + 2];
        args[0] = "clients";
        args[1] = "add";
        System.arraycopy(options, 0, args, 2, options.length);
        assertThat(Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()))).isZero();
        Matcher key = Pattern.compile("API key \\(shown once, keep it\\): (\\S+)").matcher(out.toString());
        assertThat(key.find()).as(out.toString()).isTrue();
        return key.group(1);
    }

    @Test
    void adds_a_client_whose_printed_key_authenticates_it_and_stores_only_the_hash() throws Exception {
        Path file = directory.resolve("clients.json");
        String key = add("--file", file.toString(), "--id", "vpcp-dms", "--organ-id", "000.00.00.G22",
                "--delivery", "folder:" + directory.resolve("vpcp"));
        DmsClient client = ClientRegistry.load(file).byApiKey(key).orElseThrow();
        assertThat(client.organIds()).containsExactly("000.00.00.G22");
        assertThat(client.delivery().mode()).isEqualTo(Delivery.Mode.FOLDER);
        assertThat(Files.readString(file)).doesNotContain(key);
    }

    @Test
    void adding_the_same_id_again_replaces_the_client_and_its_old_key_stops_working() throws Exception {
        Path file = directory.resolve("clients.json");
        String first = add("--file", file.toString(), "--id", "hanoi-dms", "--organ-id", "000.00.00.H26");
        String second = add("--file", file.toString(), "--id", "hanoi-dms", "--organ-id", "000.00.00.H26", "--delivery", "pull");
        ClientRegistry registry = ClientRegistry.load(file);
        assertThat(registry.all()).hasSize(1);
        assertThat(registry.byApiKey(first)).isEmpty();
        assertThat(registry.byApiKey(second)).isPresent();
    }
}
