package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lienthong.findings.Bilingual;

class Base64SpoolWriterTest {

    @TempDir
    Path spool;

    private AttachmentContent decode(String... chunks) throws IOException {
        Path file = Files.createTempFile(spool, "b64", ".bin");
        try (Base64SpoolWriter writer = new Base64SpoolWriter(file, Long.MAX_VALUE)) {
            for (String chunk : chunks) {
                writer.write(chunk);
            }
            return writer.finish();
        }
    }

    @ParameterizedTest
    @CsvSource({"'', ''", "Zg==, f", "Zm8=, fo", "Zm9v, foo", "Zm9vYg==, foob", "'Zm9v\r\n YmFy\t', foobar"})
    void decodes_valid_base64_with_any_xml_whitespace(String base64, String expected) throws IOException {
        AttachmentContent content = decode(base64);
        assertThat(content.base64Problem()).isEmpty();
        assertThat(Files.readString(content.spoolFile(), StandardCharsets.US_ASCII)).isEqualTo(expected);
    }

    @Test
    void decodes_across_chunk_boundaries_that_split_a_group_of_four() throws IOException {
        AttachmentContent content = decode("Zm", "9vY", "mF", "y");
        assertThat(Files.readString(content.spoolFile(), StandardCharsets.US_ASCII)).isEqualTo("foobar");
    }

    @ParameterizedTest
    @CsvSource({
            "Zm9v!mFy, character '!' (U+0021) at position 5",
            "Zm9vYmF, 3 character(s) left over",
            "Z===, comes too early",
            "Zg==Zm9v, data continues after the '=' padding",
            "Zg=v, data follows '=' padding inside a group",
            "Zm9vw6E, 3 character(s) left over"})
    void reports_the_first_violation_in_plain_words(String base64, String expected) throws IOException {
        Bilingual problem = decode(base64).base64Problem().orElseThrow();
        assertThat(problem.english()).contains(expected);
        assertThat(problem.vietnamese()).isNotBlank().isNotEqualTo(problem.english());
    }

    @Test
    void a_non_ascii_character_is_not_in_the_alphabet() throws IOException {
        assertThat(decode("Zm9vÄ===").base64Problem().orElseThrow().english()).contains("U+00C4");
    }

    @Test
    void stops_at_the_attachment_size_limit() throws IOException {
        Path file = Files.createTempFile(spool, "b64", ".bin");
        try (Base64SpoolWriter writer = new Base64SpoolWriter(file, 4)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer.write("Zm9vYmFy"))
                    .isInstanceOf(AttachmentTooLargeException.class);
        }
    }

    @Test
    void decodes_a_large_attachment_in_odd_chunks_to_the_same_bytes_and_hash() throws Exception {
        byte[] bytes = new byte[200_003];
        new java.util.SplittableRandom(14).nextBytes(bytes);
        String base64 = java.util.Base64.getMimeEncoder().encodeToString(bytes);
        java.util.List<String> chunks = new java.util.ArrayList<>();
        for (int at = 0; at < base64.length(); at += 4093) {
            chunks.add(base64.substring(at, Math.min(base64.length(), at + 4093)));
        }

        AttachmentContent content = decode(chunks.toArray(String[]::new));

        assertThat(content.base64Problem()).isEmpty();
        assertThat(content.size()).isEqualTo(bytes.length);
        assertThat(Files.readAllBytes(content.spoolFile())).isEqualTo(bytes);
        assertThat(content.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void a_violation_far_into_the_text_is_placed_at_its_exact_character() throws IOException {
        String valid = "Zm9v\n".repeat(30_000); // 150,000 characters, line breaks counted

        Bilingual problem = decode(valid.substring(0, 70_000), valid.substring(70_000) + "Zm!v").base64Problem().orElseThrow();

        assertThat(problem.english()).contains("character '!' (U+0021) at position 150003");
    }

    @Test
    void stops_at_the_attachment_size_limit_in_the_middle_of_a_long_text() throws IOException {
        Path file = Files.createTempFile(spool, "b64", ".bin");
        try (Base64SpoolWriter writer = new Base64SpoolWriter(file, 100_000)) {
            writer.write("Zm9v".repeat(33_333)); // 99,999 bytes: within the limit
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer.write("Zm9v"))
                    .isInstanceOf(AttachmentTooLargeException.class);
        }
    }
}
