package vn.lienthong.cli;

import java.nio.file.Path;
import vn.lienthong.validation.ValidationReport;

/** How validate shows its results: readable text, or JSON Lines for tools. */
interface ReportPrinter {

    void print(Path file, ValidationReport report);

    void summary(int valid, int invalid, int unreadable);
}
