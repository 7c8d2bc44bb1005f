package vn.lienthong.signature.xml;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.lienthong.signature.Reason;

/** A trust judgement for tests: answers with the reasons it was given and remembers what it was asked. */
final class RecordingTrust implements SignerTrust {

    private final List<Reason> answer;
    X509Certificate signer;
    List<X509Certificate> others;
    Instant at;
    int calls;

    RecordingTrust(Reason... answer) {
        this.answer = List.of(answer);
    }

    @Override
    public List<Reason> judge(X509Certificate signer, Collection<X509Certificate> others, Instant at) {
        this.signer = signer;
        this.others = new ArrayList<>(others);
        this.at = at;
        calls++;
        return answer;
    }
}
