package vn.lienthong.runtime;

import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.PullInbox;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.transport.DocumentStore;

/** Where documents and what happened to them are kept: the tracking database (H2) and the document store. */
record StorageAssembly(TrackingDatabase database, DocumentTracker tracker, ProcessedMarks marks, TransmissionLog log,
                       DocumentFindings findings, PullInbox pullInbox, DocumentStore store) {

    static StorageAssembly open(Wiring wiring) throws Exception {
        TrackingDatabase database = TrackingDatabase.openH2(wiring.data().resolve("db"));
        return new StorageAssembly(database, new DocumentTracker(database, wiring.clock()),
                new ProcessedMarks(database, wiring.clock()), new TransmissionLog(database, wiring.clock()),
                new DocumentFindings(database), new PullInbox(database, wiring.clock()),
                new DocumentStore(wiring.data().resolve("store")));
    }
}
