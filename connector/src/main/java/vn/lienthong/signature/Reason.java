package vn.lienthong.signature;

/**
 * One reason behind a verdict, in both languages.
 *
 * @param verdict what this reason makes of the signature: its problem's own verdict, unless configuration says
 *                otherwise (bytes after a PDF's last %%EOF, for example)
 */
public record Reason(SignatureProblem problem, String vietnamese, String english, Verdict verdict) {

    public Reason(SignatureProblem problem, String vietnamese, String english) {
        this(problem, vietnamese, english, problem.implies());
    }

    public Verdict implies() {
        return verdict;
    }

    /** The same reason with the verdict configuration gives it. */
    public Reason withVerdict(Verdict configured) {
        return new Reason(problem, vietnamese, english, configured);
    }
}
