package vn.lienthong.audit.stamp;

import java.nio.file.Files;
import java.nio.file.Path;
import vn.lienthong.signature.xml.SigningKey;

/**
 * What the PKCS#11 test's child JVM runs: {@code <config> <pin> <alias> <head file> <signature file>} signs the head
 * with the key on the token, writes the signature, and prints the algorithm.
 */
public final class HeadSignatureTool {

    private HeadSignatureTool() {
    }

    public static void main(String[] args) throws Exception {
        SigningKey key = SigningKey.fromPkcs11(Path.of(args[0]), args[1].toCharArray(), args[2]);
        HeadSignature signed = HeadSignature.sign(key, Files.readAllBytes(Path.of(args[3])));
        Files.write(Path.of(args[4]), signed.signature());
        System.out.println("algorithm=" + signed.algorithm() + " provider=" + key.provider().getName());
    }
}
