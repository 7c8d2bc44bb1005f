package vn.lienthong.signature.xml;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.lienthong.signature.SignatureCheck;

/**
 * What the child JVMs of the memory and token tests run:
 * {@code sign-pkcs12 <p12> <password> <in> <out>}, {@code sign-pkcs11 <config> <pin> <alias> <in> <out>},
 * {@code verify <envelope>} (prints the verdict and the problems, trusting every signer).
 */
public final class EnvelopeSignatureTool {

    private EnvelopeSignatureTool() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "sign-pkcs12" -> new EnvelopeSigner(SigningKey.fromPkcs12(Path.of(args[1]), args[2].toCharArray(), null))
                    .sign(Path.of(args[3]), Path.of(args[4]));
            case "sign-pkcs11" -> new EnvelopeSigner(SigningKey.fromPkcs11(Path.of(args[1]), args[2].toCharArray(), args[3]))
                    .sign(Path.of(args[4]), Path.of(args[5]));
            case "verify" -> System.out.println(describe(
                    new EnvelopeSignatureVerifier((signer, others, at) -> List.of(), null, false, Clock.systemUTC())
                            .verify(Path.of(args[1]))));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** e.g. "VALID" or "INVALID DIGEST_MISMATCH". */
    static String describe(Optional<SignatureCheck> check) {
        return check.map(c -> (c.verdict() + " " + c.reasons().stream().map(r -> r.problem().name())
                .collect(Collectors.joining(" "))).strip()).orElse("UNSIGNED");
    }
}
