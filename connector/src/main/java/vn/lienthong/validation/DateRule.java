package vn.lienthong.validation;

import java.util.List;
import java.util.function.Function;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.edxml.TraceHeader;
import vn.lienthong.findings.FindingCode;

/** Every date and timestamp of the envelope must have the standard's shape and exist on the calendar. */
final class DateRule implements Rule {

    @Override
    public void check(Envelope envelope, RuleContext context) {
        if (envelope.header() instanceof EdocHeader edoc) {
            if (edoc.promulgationInfo() != null) {
                date(edoc.promulgationInfo().promulgationDate(), EdxmlPaths.header("PromulgationInfo/PromulgationDate"), context);
            }
            date(edoc.dueDate(), EdxmlPaths.header("DueDate"), context);
        }
        if (envelope.header() instanceof StatusHeader status && !HeaderRule.isBlank(status.timestamp())) {
            // A blank one is STATUS_TIMESTAMP_MISSING, reported by the status rule.
            timestamp(status.timestamp(), EdxmlPaths.header("Timestamp"), context);
        }
        ResponseFor responseFor = ResponseForAccess.of(envelope.header());
        if (responseFor != null && responseFor.promulgationDate() != null && !responseFor.promulgationDate().isEmpty()) {
            date(responseFor.promulgationDate(), EdxmlPaths.RESPONSE_FOR + "/PromulgationDate", context);
        }
        if (envelope.traceHeaderList() != null) {
            List<TraceHeader> traces = envelope.traceHeaderList().traceHeaders();
            for (int i = 0; i < traces.size(); i++) {
                timestamp(traces.get(i).timestamp(), EdxmlPaths.traceHeader(i) + "/Timestamp", context);
            }
        }
    }

    private static void date(String value, String path, RuleContext context) {
        report(value, CalendarText::date, FindingCode.DATE_FORMAT, FindingCode.DATE_NOT_REAL, path, context);
    }

    private static void timestamp(String value, String path, RuleContext context) {
        report(value, CalendarText::timestamp, FindingCode.TIMESTAMP_FORMAT, FindingCode.TIMESTAMP_NOT_REAL, path, context);
    }

    private static void report(String value, Function<String, CalendarText.Verdict> check, FindingCode wrongShape,
                               FindingCode notReal, String path, RuleContext context) {
        if (value == null) {
            return;
        }
        CalendarText.Verdict verdict = check.apply(value);
        if (verdict instanceof CalendarText.Verdict.WrongShape) {
            context.report(wrongShape, path, Display.quoted(value));
        } else if (verdict instanceof CalendarText.Verdict.NotReal unreal) {
            context.report(notReal, path, Display.quoted(value), unreal.reason());
        }
    }
}
