package vn.lienthong.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.lienthong.fixtures.pki.RevocationServer;
import vn.lienthong.fixtures.pki.TestPki;

/**
 * End-to-end load test: the axis simulator and two connectors, each in its own JVM on loopback; DMS senders POST
 * signed envelopes by REST to the first connector, and the recipient's DMS takes them from its pull inbox. The
 * first 20% of the documents warm the JVMs up and are not measured; for the rest it reports documents/s and
 * latency percentiles of accept (202), SENT and arrival in the inbox, and per process the CPU per document, the JIT
 * compiler threads' share of it and the peak RSS. Prints one line and writes a JSON result.
 * Usage: {@code LoadHarness DOCUMENTS SENDERS MIX JAR RESULTS_DIR [RATE]}, RATE in documents/s (0 or absent: as fast
 * as the senders go).
 */
public final class LoadHarness {

    /** What each figure of the result means, written into it so a reader of the JSON alone knows. */
    private static final Map<String, String> DEFINITIONS = new TreeMap<>(Map.of(
            "documents_per_second", "measured documents that reached the stage / (last to reach it - first POST of"
                    + " the measured window); accept = 202 received, sent = the 'sent' entry of the document's"
                    + " timeline at the sending connector (its clock), inbox = first seen by GET /inbox (polled every"
                    + " 50 ms) at the recipient",
            "latency_ms", "accept, sent, inbox: from the start of each document's POST; accept_to_sent and"
                    + " sent_to_inbox: between those stages; sent_to_inbox split in three at the recipient connector's"
                    + " own times (its document view's created and, once DELIVERED, updated): sent_to_registered (the"
                    + " axis, the inbox poll, fetch, queue and intake), registered_to_deliverable (delivery into the"
                    + " pull inbox) and deliverable_to_inbox (the harness's reader: its next GET /inbox and the acks"
                    + " before it); nearest-rank percentiles",
            "rate_limit", "documents/s the senders together post at most (RATE argument); none = as fast as the"
                    + " senders go",
            "cpu_ms", "utime+stime of the child process from /proc/PID/stat over the measured window (first"
                    + " measured POST to last arrival), including its background work (polls, metrics)",
            "jit_share", "CPU of the threads named 'C1 CompilerThre*' / 'C2 CompilerThre*' over cpu_ms, same window",
            "peak_rss_mib", "VmHWM from /proc/PID/status: over the whole process life, warm-up included",
            "peak_heap_mib", "largest heap in use before a collection in the child's GC log (-Xlog:gc), whole"
                    + " process life; -1 when no collection ran",
            "tracking_file_mib", "size of a connector's tracking database file (H2) at the end of the measured window;"
                    + " H2 keeps the chunks its commits wrote in the last 45 s, so it grows with the commit rate"));

    /** The highest RATE accepted, documents/s: a bound on the load loop, far above what one machine can take. */
    private static final double MAX_RATE = 10_000;

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int documents = Integer.parseInt(args[0]);
        int senders = Integer.parseInt(args[1]);
        String mix = args[2];
        Path jar = Path.of(args[3]).toAbsolutePath();
        Path results = Files.createDirectories(Path.of(args[4]).toAbsolutePath());
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        // By default the children run through bin/lienthong (no options here), so the figures are those of the
        // connector as run; LOAD_JVM names other options.
        List<String> jvmOptions = Optional.ofNullable(System.getenv("LOAD_JVM")).filter(value -> !value.isBlank())
                .map(value -> List.of(value.trim().split("\\s+"))).orElse(List.of());
        if (documents < 5 || senders < 1 || !LoadMix.NAMES.contains(mix) || !(rate >= 0 && rate <= MAX_RATE)) {
            System.err.println("usage: DOCUMENTS (>= 5) SENDERS (>= 1) MIX (one of " + LoadMix.NAMES + ") [RATE"
                    + " documents/s, 0 (as fast as the senders go) to " + MAX_RATE + "]");
            System.exit(2);
        }
        int warmUp = documents / 5;
        int measured = documents - warmUp;
        Path work = Files.createTempDirectory("lienthong-load-");
        System.out.println("work directory (kept when a run fails): " + work);

        try (RevocationServer revocation = RevocationServer.start()) {
            TestPki pki = TestPki.generate(work.resolve("pki"), revocation.base());
            revocation.serve(pki);
            System.out.printf("writing %d %s envelopes...%n", documents, mix);
            List<LoadMix.Envelope> warmUpEnvelopes = LoadMix.write(mix, warmUp, 1, pki, work.resolve("envelopes"));
            List<LoadMix.Envelope> measuredEnvelopes = LoadMix.write(mix, measured, 1 + warmUp, pki,
                    work.resolve("envelopes"));

            LoadNetwork network = new LoadNetwork();
            // Ctrl-C or a kill of this JVM stops the children too, also while they are starting.
            Thread stopChildren = new Thread(network::close, "load-stop-children");
            Runtime.getRuntime().addShutdownHook(stopChildren);
            int exit;
            try {
                network.start(work, jar, jvmOptions, pki.trustStoreDirectory(), senders);
                exit = run(network, senders, rate, mix, warmUpEnvelopes, measuredEnvelopes, results);
            } finally {
                network.close();
                Runtime.getRuntime().removeShutdownHook(stopChildren);
            }
            if (exit == 0) {
                TransportThroughput.deleteTree(work);
            }
            System.exit(exit);
        }
    }

    private static int run(LoadNetwork network, int senders, double rate, String mix,
                           List<LoadMix.Envelope> warmUpEnvelopes, List<LoadMix.Envelope> measuredEnvelopes,
                           Path results) throws Exception {
        LoadTraffic traffic = new LoadTraffic(network);
        traffic.startReadingInbox();
        Duration sendLimit = Duration.ofMinutes(10);

        System.out.printf("warm-up: %d documents...%n", warmUpEnvelopes.size());
        List<LoadTraffic.Journey> warmUp = traffic.send(warmUpEnvelopes, senders, rate, sendLimit);
        if (!traffic.awaitArrivals(warmUp, arrivalLimit(warmUp.size()))) {
            System.out.println("warm-up: not every document arrived in time; measuring anyway");
        }

        System.out.printf("measuring: %d documents...%n", measuredEnvelopes.size());
        List<LoadChild> children = network.children();
        List<ProcessCpu> before = new ArrayList<>();
        for (LoadChild child : children) {
            before.add(child.cpu());
        }
        List<LoadTraffic.Journey> journeys = traffic.send(measuredEnvelopes, senders, rate, sendLimit);
        boolean allArrived = traffic.awaitArrivals(journeys, arrivalLimit(journeys.size()));
        Map<String, Object> processes = new LinkedHashMap<>();
        for (int i = 0; i < children.size(); i++) {
            ProcessCpu used = children.get(i).cpu().minus(before.get(i));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("cpu_ms", used.totalMillis());
            figures.put("cpu_ms_per_document", LoadFigures.round((double) used.totalMillis() / journeys.size()));
            figures.put("jit_compiler_cpu_ms", used.compilerMillis());
            figures.put("jit_share", used.totalMillis() == 0 ? 0
                    : Math.round(1000.0 * used.compilerMillis() / used.totalMillis()) / 1000.0);
            figures.put("peak_rss_mib", LoadFigures.round(children.get(i).peakRssKib() / 1024.0));
            figures.put("peak_heap_mib", children.get(i).peakHeapMib());
            long trackingFile = children.get(i).trackingFileBytes();
            if (trackingFile >= 0) {
                figures.put("tracking_file_mib", LoadFigures.round(trackingFile / (1024.0 * 1024.0)));
            }
            processes.put(children.get(i).name(), figures);
        }
        traffic.stopReading();
        traffic.readSentTimes(journeys);

        Map<String, Object> outcome = outcome(journeys, allArrived);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
        result.put("machine", LoadMachine.describe());
        // What the JVMs really ran with (bin/lienthong's settings unless LOAD_JVM named others), from the sender's.
        List<String> ranWith = children.stream().filter(child -> child.name().equals("sender")).findFirst()
                .orElseThrow().jvmOptions();
        result.put("settings", settings(senders, rate, mix, ranWith, warmUpEnvelopes, measuredEnvelopes));
        result.put("outcome", outcome);
        result.put("documents_per_second", LoadFigures.rates(journeys));
        result.put("latency_ms", LoadFigures.latencies(journeys));
        result.put("processes", processes);
        result.put("definitions", DEFINITIONS);

        Path file = results.resolve("load-" + mix + "-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(Instant.now()) + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
        System.out.println(summary(result, processes) + "; result " + file);
        return allArrived && (int) outcome.get("failed") == 0 ? 0 : 1;
    }

    /** Generous: two minutes, and a second more per document. */
    private static Duration arrivalLimit(int documents) {
        return Duration.ofMinutes(2).plusSeconds(documents);
    }

    private static Map<String, Object> outcome(List<LoadTraffic.Journey> journeys, boolean allArrived) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("measured", journeys.size());
        outcome.put("accepted", journeys.stream().filter(journey -> journey.accepted > 0).count());
        outcome.put("sent", journeys.stream().filter(journey -> journey.sent > 0).count());
        outcome.put("arrived", journeys.stream().filter(journey -> journey.arrived > 0).count());
        outcome.put("failed", (int) journeys.stream().filter(journey -> journey.failure != null).count());
        outcome.put("timed_out", !allArrived);
        journeys.stream().filter(journey -> journey.failure != null).findFirst()
                .ifPresent(journey -> outcome.put("first_failure", journey.failure));
        return outcome;
    }

    private static Map<String, Object> settings(int senders, double rate, String mix, List<String> jvmOptions,
                                                List<LoadMix.Envelope> warmUp, List<LoadMix.Envelope> measured) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("documents", warmUp.size() + measured.size());
        settings.put("warm_up_documents", warmUp.size());
        settings.put("measured_documents", measured.size());
        settings.put("senders", senders);
        settings.put("rate_limit", rate > 0 ? (Object) rate : "none");
        settings.put("mix", mix);
        settings.put("signed", (mix.equals("signed100k") ? "envelope XML-DSig rsa-sha256 + PDF signed by signer and seal"
                : "envelope XML-DSig rsa-sha256, PDF unsigned") + ", under a test root both connectors trust;"
                + " revocation online against a loopback CRL/OCSP server in the harness");
        Map<Long, long[]> classes = new TreeMap<>();
        for (LoadMix.Envelope envelope : measured) {
            long[] countAndBytes = classes.computeIfAbsent(envelope.sizeClass(), size -> new long[2]);
            countAndBytes[0]++;
            countAndBytes[1] += envelope.bytes();
        }
        Map<String, Object> sizes = new LinkedHashMap<>();
        classes.forEach((size, countAndBytes) -> sizes.put(Long.toString(size),
                Map.of("documents", countAndBytes[0], "mean_bytes", countAndBytes[1] / countAndBytes[0])));
        settings.put("measured_size_classes", sizes);
        settings.put("child_jvm_options", jvmOptions);
        settings.put("connector_settings", "config/application.properties defaults (axis poll interval 5000 ms when"
                + " nothing waits, at once while packages wait, 4 fetchers; 4 axis senders, 2 inbound consumers, no"
                + " anchoring TSA), loopback ports, pull inbox");
        settings.put("inbox_reader_poll_ms", 50);
        settings.put("connector_properties_added", LoadNetwork.extraProperties());
        return settings;
    }

    private static String summary(Map<String, Object> result, Map<String, Object> processes) {
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) result.get("settings");
        @SuppressWarnings("unchecked")
        Map<String, Object> rates = (Map<String, Object>) result.get("documents_per_second");
        @SuppressWarnings("unchecked")
        Map<String, Object> latency = (Map<String, Object>) result.get("latency_ms");
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = (Map<String, Object>) result.get("outcome");
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "load %s: %s measured (+%s warm-up), %s senders, rate limit %s, arrived %s/%s; docs/s accept %s, SENT %s,"
                        + " inbox %s;",
                settings.get("mix"), settings.get("measured_documents"), settings.get("warm_up_documents"),
                settings.get("senders"), settings.get("rate_limit"), outcome.get("arrived"), outcome.get("measured"),
                rates.get("accept"), rates.get("sent"), rates.get("inbox")));
        for (String stage : List.of("accept", "sent", "inbox", "sent_to_registered", "deliverable_to_inbox")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) latency.get(stage);
            line.append(String.format(Locale.ROOT, " %s p50/p95/p99 %s/%s/%s ms;", stage, p.get("p50"), p.get("p95"),
                    p.get("p99")));
        }
        line.append(" CPU ms/doc (JIT share, peak heap/RSS MiB)");
        processes.forEach((name, figures) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> f = (Map<String, Object>) figures;
            line.append(String.format(Locale.ROOT, " %s %s (%.0f%%, %s/%s)", name, f.get("cpu_ms_per_document"),
                    100 * ((Number) f.get("jit_share")).doubleValue(), f.get("peak_heap_mib"), f.get("peak_rss_mib")));
        });
        return line.toString();
    }
}
