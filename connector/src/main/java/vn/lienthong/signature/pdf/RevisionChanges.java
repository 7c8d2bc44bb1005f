package vn.lienthong.signature.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between the revision a signature covers and the file as a reader shows it, in plain English.
 * Adding or filling signature fields is not a change: that is how a second signer (the agency seal after the
 * signer's personal signature) signs.
 */
final class RevisionChanges {

    private RevisionChanges() {
    }

    static List<String> between(RevisionSnapshot signed, RevisionSnapshot latest) {
        List<String> changes = new ArrayList<>();
        if (signed.pages().size() != latest.pages().size()) {
            changes.add("the number of pages changed from " + signed.pages().size() + " to " + latest.pages().size());
        }
        for (int i = 0; i < Math.min(signed.pages().size(), latest.pages().size()); i++) {
            if (!signed.pages().get(i).equals(latest.pages().get(i))) {
                changes.add("the content of page " + (i + 1) + " changed");
            }
        }
        compareAnnotations(signed.annotations(), latest.annotations(), changes);
        signed.fieldValues().forEach((name, value) -> {
            if (!Objects.equals(value, latest.fieldValues().get(name))) {
                changes.add("the form field '" + name + "' changed");
            }
        });
        latest.fieldValues().keySet().stream().filter(name -> !signed.fieldValues().containsKey(name))
                .forEach(name -> changes.add("a form field '" + name + "' was added"));
        signed.catalog().forEach((key, value) -> {
            if (!Objects.equals(value, latest.catalog().get(key))) {
                changes.add("the document catalog entry /" + key + " changed");
            }
        });
        latest.catalog().keySet().stream().filter(key -> !signed.catalog().containsKey(key))
                .forEach(key -> changes.add("the document catalog entry /" + key + " was added"));
        return changes;
    }

    private static void compareAnnotations(Map<String, RevisionSnapshot.Annotation> signed,
            Map<String, RevisionSnapshot.Annotation> latest, List<String> changes) {
        signed.forEach((id, before) -> {
            RevisionSnapshot.Annotation after = latest.get(id);
            if (before.signature()) {
                return;
            }
            if (after == null) {
                changes.add("an annotation (" + before.subtype() + ") was removed from page " + before.page());
            } else if (!after.hash().equals(before.hash())) {
                changes.add("an annotation (" + before.subtype() + ") on page " + before.page() + " changed");
            }
        });
        latest.forEach((id, after) -> {
            if (!after.signature() && !signed.containsKey(id)) {
                changes.add("an annotation (" + after.subtype() + ") was added on page " + after.page());
            }
        });
    }
}
