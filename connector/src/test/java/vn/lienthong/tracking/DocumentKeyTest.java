package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentKeyTest {

    private static final String HASH = "ab".repeat(32);

    /** Known answer computed independently: python3 hashlib.sha256(b"000.00.00.G22\nG22-2026-0001\n" + b"ab" * 32). */
    @Test
    void is_the_sha256_of_sender_document_id_and_envelope_hash_joined_by_line_breaks() {
        assertThat(DocumentKey.of("000.00.00.G22", "G22-2026-0001", HASH).value())
                .isEqualTo("98ae84c16ca9e0eb22ee2ea75ff5a459ed97f2105509a85d0507a929de2d86d1");
    }

    @Test
    void is_the_same_for_the_same_package() {
        assertThat(DocumentKey.of("000.00.00.G22", "G22-2026-0001", HASH))
                .isEqualTo(DocumentKey.of("000.00.00.G22", "G22-2026-0001", HASH));
    }

    @Test
    void does_not_depend_on_the_case_of_the_envelope_hash() {
        assertThat(DocumentKey.of("000.00.00.G22", "G22-2026-0001", HASH.toUpperCase()))
                .isEqualTo(DocumentKey.of("000.00.00.G22", "G22-2026-0001", HASH));
    }

    @Test
    void differs_when_any_component_differs() {
        DocumentKey original = DocumentKey.of("000.00.00.G22", "G22-2026-0001", HASH);
        assertThat(DocumentKey.of("000.00.00.G23", "G22-2026-0001", HASH)).isNotEqualTo(original);
        assertThat(DocumentKey.of("000.00.00.G22", "G22-2026-0002", HASH)).isNotEqualTo(original);
        assertThat(DocumentKey.of("000.00.00.G22", "G22-2026-0001", "cd".repeat(32))).isNotEqualTo(original);
    }

    @Test
    void differs_when_only_the_boundary_between_components_moves() {
        assertThat(DocumentKey.of("a", "bc", HASH)).isNotEqualTo(DocumentKey.of("ab", "c", HASH));
    }

    @Test
    void refuses_a_component_with_a_line_break_because_it_could_forge_a_boundary() {
        assertThatThrownBy(() -> DocumentKey.of("a\nb", "c", HASH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_an_envelope_hash_that_is_not_a_sha256() {
        assertThatThrownBy(() -> DocumentKey.of("a", "b", "cc7bdd662415e725c750bf6ce64"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_a_value_that_is_not_64_lower_case_hex_digits() {
        assertThatThrownBy(() -> new DocumentKey("k1")).isInstanceOf(IllegalArgumentException.class);
    }
}
