package vn.lienthong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package imports another that imports it back, directly or through others: the packages of the connector form
 * a layering a newcomer can read from the leaves (findings, edxml, tracking) up to the wiring (runtime, cli).
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package (vn\\.lienthong[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(vn\\.lienthong(?:\\.[a-z]\\w*)*)\\.[A-Z]",
            Pattern.MULTILINE);

    @Test
    void no_package_of_the_connector_takes_part_in_an_import_cycle() throws IOException {
        Map<String, Set<String>> imports = importGraph();
        assertThat(imports).as("the sources were found").containsKeys("vn.lienthong.findings", "vn.lienthong.transport");
        assertThat(cycles(imports)).as("packages that import each other, directly or through others").isEmpty();
    }

    @Test
    void the_vocabulary_of_findings_is_a_leaf() throws IOException {
        assertThat(importGraph().get("vn.lienthong.findings")).isEmpty();
    }

    private static Map<String, Set<String>> importGraph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    continue;
                }
                Set<String> targets = graph.computeIfAbsent(declared.group(1), name -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    if (!imported.group(1).equals(declared.group(1))) {
                        targets.add(imported.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** The strongly connected components with more than one package (Tarjan's algorithm). */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, components);
            }
        }
        return components.stream().filter(component -> component.size() > 1).toList();
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }
}
