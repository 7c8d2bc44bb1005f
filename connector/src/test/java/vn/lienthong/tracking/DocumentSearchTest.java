package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.tracking.TrackingFixtures.CLOCK;
import static vn.lienthong.tracking.TrackingFixtures.NOW;
import static vn.lienthong.tracking.TrackingFixtures.outbound;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.findings.Direction;

class DocumentSearchTest {

    @TempDir
    Path dataDirectory;

    private TrackingDatabase database;
    private DocumentTracker tracker;
    private DocumentSearch search;

    @BeforeEach
    void open() {
        database = TrackingDatabase.openH2(dataDirectory);
        tracker = new DocumentTracker(database, CLOCK);
        search = new DocumentSearch(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void hands_over_every_matching_document_with_its_recipients_newest_first_with_no_cap() throws Exception {
        for (int i = 1; i <= 1500; i++) {
            tracker.register(outbound("G22-" + i, NOW.plusSeconds(i)));
        }
        List<TrackedDocument> found = new ArrayList<>();
        long count = search.each(DocumentSearch.Filter.ANY, found::add);
        assertThat(count).isEqualTo(1500);
        assertThat(found).hasSize(1500);
        assertThat(found.get(0).documentId()).isEqualTo("G22-1500");
        assertThat(found.get(1499).documentId()).isEqualTo("G22-1");
        assertThat(found).allSatisfy(document -> assertThat(document.recipients())
                .containsExactly("000.00.01.H29", "000.00.02.H53"));
    }

    @Test
    void filters_by_direction_state_agency_period_and_part_of_the_code() throws Exception {
        tracker.register(outbound("G22-1", NOW));
        tracker.register(outbound("G22-2", NOW.plusSeconds(3600)));
        TrackedDocument other = new TrackedDocument(DocumentKey.of("000.00.00.H26", "H26-1", "cd".repeat(32)),
                Direction.INBOUND, "edoc", "000.00.00.H26", List.of("000.00.00.G22"), "H26-1", "15/UBND-VP_1",
                "cd".repeat(32), null, DocumentState.QUARANTINED, "INVALID", NOW, NOW);
        tracker.register(other);
        tracker.advance(TrackingFixtures.key("G22-2"), DocumentState.SENT, null);

        assertThat(ids(new DocumentSearch.Filter(Direction.INBOUND, null, null, null, null, null))).containsExactly("H26-1");
        assertThat(ids(new DocumentSearch.Filter(null, DocumentState.SENT, null, null, null, null))).containsExactly("G22-2");
        assertThat(ids(new DocumentSearch.Filter(null, null, "000.00.02.H53", null, null, null)))
                .containsExactly("G22-2", "G22-1");
        assertThat(ids(new DocumentSearch.Filter(null, null, "000.00.00.H26", null, null, null))).containsExactly("H26-1");
        assertThat(ids(new DocumentSearch.Filter(null, null, null, NOW.plusSeconds(1), NOW.plusSeconds(7200), null)))
                .containsExactly("G22-2");
        assertThat(ids(new DocumentSearch.Filter(null, null, null, null, null, "vpcp-ttđt"))).containsExactly("G22-2", "G22-1");
        assertThat(ids(new DocumentSearch.Filter(null, null, null, null, null, "UBND-VP_"))).containsExactly("H26-1");
        assertThat(ids(new DocumentSearch.Filter(null, null, null, null, null, "%"))).isEmpty();
    }

    @Test
    void pages_follow_a_keyset_cursor_without_skipping_or_repeating() {
        for (int i = 1; i <= 120; i++) {
            tracker.register(outbound("G22-" + i, NOW));
        }
        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        Optional<Long> cursor = Optional.empty();
        do {
            DocumentSearch.Page page = search.page(DocumentSearch.Filter.ANY, cursor.orElse(null), 50);
            sizes.add(page.documents().size());
            page.documents().forEach(document -> assertThat(seen.add(document.documentId())).isTrue());
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(sizes).containsExactly(50, 50, 20);
        assertThat(seen).hasSize(120);
    }

    private List<String> ids(DocumentSearch.Filter filter) throws Exception {
        List<String> ids = new ArrayList<>();
        search.each(filter, document -> ids.add(document.documentId()));
        return ids;
    }
}
