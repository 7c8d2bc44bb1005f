package vn.lienthong.signature;

/** One reason behind a verdict, in both languages. */
public record Reason(SignatureProblem problem, String vietnamese, String english) {

    public Verdict implies() {
        return problem.implies();
    }
}
