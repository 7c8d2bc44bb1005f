package vn.lienthong.dms.folder;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienthong.dms.ApiKeys;

/** Writes a clients file (the format of ClientRegistry) for the end-to-end tests. */
public final class ClientsFile {

    private final List<Map<String, Object>> clients = new ArrayList<>();

    public ClientsFile folder(String id, String organId, Path root) {
        return add(id, organId, null, Map.of("mode", "folder", "folder", root.toString()));
    }

    public ClientsFile jms(String id, String organId, String apiKey) {
        return add(id, organId, apiKey, Map.of("mode", "jms"));
    }

    public ClientsFile webhook(String id, String organId, String url, Path secretFile) {
        return add(id, organId, null, Map.of("mode", "webhook", "url", url, "secretFile", secretFile.toString()));
    }

    private ClientsFile add(String id, String organId, String apiKey, Map<String, String> delivery) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("id", id);
        client.put("name", "DMS " + id);
        client.put("organIds", List.of(organId));
        if (apiKey != null) {
            client.put("apiKeySha256", ApiKeys.sha256(apiKey));
        }
        client.put("delivery", delivery);
        clients.add(client);
        return this;
    }

    public Path writeTo(Path file) throws IOException {
        new ObjectMapper().writeValue(file.toFile(), Map.of("clients", clients));
        return file;
    }
}
