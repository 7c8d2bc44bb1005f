package vn.lienthong.validation;

import java.util.Locale;
import java.util.regex.Pattern;
import vn.lienthong.findings.Bilingual;

/**
 * What an agency identifier looks like, judged against the 4-group form of Decision 20/2020/QĐ-TTg
 * ({@code 000.00.00.G22}: three digits, two digits, two digits, a capital letter and two digits), with the
 * older shapes seen in real traffic recognised as legacy rather than garbage.
 */
sealed interface OrganIdShape {

    Pattern STANDARD = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    Pattern LEGACY_THREE_GROUPS = Pattern.compile("\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    Pattern PLATFORM = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9]+)+");

    record Standard() implements OrganIdShape {
    }

    record Missing() implements OrganIdShape {
    }

    record Legacy(Bilingual form) implements OrganIdShape {
    }

    record Invalid(Bilingual reason) implements OrganIdShape {
    }

    static OrganIdShape of(String organId) {
        if (organId == null || organId.isEmpty()) {
            return new Missing();
        }
        if (organId.isBlank()) {
            return new Invalid(new Bilingual("chỉ gồm khoảng trắng", "it is only whitespace"));
        }
        if (!organId.equals(organId.strip())) {
            return new Invalid(new Bilingual("có khoảng trắng ở đầu hoặc cuối", "it has leading or trailing whitespace"));
        }
        if (organId.toLowerCase(Locale.ROOT).equals("null")) {
            return new Invalid(new Bilingual(
                    "chữ \"null\" không phải là mã; phần mềm gửi đã ghi giá trị rỗng thành \"null\"",
                    "the word \"null\" is not an identifier; the sending software wrote an empty value as \"null\""));
        }
        if (STANDARD.matcher(organId).matches()) {
            return new Standard();
        }
        if (LEGACY_THREE_GROUPS.matcher(organId).matches()) {
            return new Legacy(new Bilingual("dạng 3 nhóm của hệ thống cũ", "the 3-group form of older systems"));
        }
        if (PLATFORM.matcher(organId).matches()) {
            return new Legacy(new Bilingual("mã hệ thống của nền tảng, ví dụ vxp.saas.03",
                    "a platform system identifier, such as vxp.saas.03"));
        }
        return new Invalid(explainGroups(organId));
    }

    private static Bilingual explainGroups(String organId) {
        String[] groups = organId.split("\\.", -1);
        if (groups.length != 4) {
            return new Bilingual(
                    "cần 4 nhóm cách nhau bởi dấu chấm như 000.00.00.G22, nhưng có " + groups.length + " nhóm",
                    "four dot-separated groups like 000.00.00.G22 are expected, found " + groups.length);
        }
        String[][] expectations = {
                {"\\d{3}", "ba chữ số", "three digits"},
                {"\\d{2}", "hai chữ số", "two digits"},
                {"\\d{2}", "hai chữ số", "two digits"},
                {"[A-Z]\\d{2}", "một chữ cái in hoa và hai chữ số", "a capital letter followed by two digits"},
        };
        for (int i = 0; i < 4; i++) {
            if (!groups[i].matches(expectations[i][0])) {
                return new Bilingual(
                        "nhóm " + (i + 1) + " \"" + groups[i] + "\" phải là " + expectations[i][1],
                        "group " + (i + 1) + " \"" + groups[i] + "\" must be " + expectations[i][2]);
            }
        }
        return new Bilingual("không đúng dạng 000.00.00.G22", "not of the form 000.00.00.G22");
    }
}
