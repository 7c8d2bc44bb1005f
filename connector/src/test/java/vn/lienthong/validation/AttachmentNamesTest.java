package vn.lienthong.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienthong.findings.Bilingual;

/** Names a recipient would save under something else than the name, or not as a file at all. */
class AttachmentNamesTest {

    @Test
    void windows_device_names_are_unsafe_whatever_their_case_or_extension() {
        for (String name : List.of("CON", "con.pdf", "NUL.pdf", "nul.tar.gz", "AUX", "PRN.txt", "COM1", "com9.docx", "LPT1",
                "LPT¹.pdf", "NUL .pdf")) {
            assertThat(AttachmentNames.unsafeReason(name)).as(name).get().extracting(Bilingual::english)
                    .asString().contains("Windows device name");
        }
    }

    @Test
    void a_trailing_dot_or_space_is_unsafe() {
        assertThat(AttachmentNames.unsafeReason("to-trinh.pdf.")).get().extracting(Bilingual::english).asString()
                .contains("ends with a dot or a space");
        assertThat(AttachmentNames.unsafeReason("to-trinh.pdf ")).isPresent();
    }

    @Test
    void characters_that_look_like_a_slash_are_unsafe() {
        for (String name : List.of("a\uFF0Fb.pdf", "a\u2215b.pdf", "a\u2044b.pdf", "a\uFF3Cb.pdf", "a\u29F8b.pdf")) {
            assertThat(AttachmentNames.unsafeReason(name)).as(name).get().extracting(Bilingual::english).asString()
                    .contains("looks like a path separator");
        }
    }

    @Test
    void ordinary_names_stay_safe() {
        for (String name : List.of("Công văn 7816.pdf", "CONG-VAN.pdf", "console.pdf", "nullable.txt", "COM10.pdf",
                "LPT.pdf", "a.b.c.pdf", ".hidden-but-allowed.pdf")) {
            assertThat(AttachmentNames.unsafeReason(name)).as(name).isEmpty();
        }
    }
}
