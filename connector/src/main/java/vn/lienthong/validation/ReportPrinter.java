package vn.lienthong.validation;

import java.nio.file.Path;

/** How validate shows its results: readable text, or JSON Lines for tools. */
public interface ReportPrinter {

    void print(Path file, ValidationReport report);

    void summary(int valid, int invalid, int unreadable);
}
