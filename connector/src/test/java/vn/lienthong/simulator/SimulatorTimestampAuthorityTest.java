package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.audit.stamp.StampException;
import vn.lienthong.audit.stamp.TimestampCheck;
import vn.lienthong.audit.stamp.TsaClient;

/** {@code /tsa}: the simulator's RFC 3161 time-stamping authority, for the demo's connectors to anchor their logs. */
class SimulatorTimestampAuthorityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] HEAD = "lienthong-log-head v1\nsize 5\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path storage;

    private AxisSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void the_simulator_stamps_at_tsa_and_the_certificate_it_wrote_verifies_the_stamp() throws Exception {
        byte[] token = new TsaClient(simulator.timestampAuthority(), TIMEOUT).timestamp(HEAD);

        TimestampCheck.Verified verified = TimestampCheck.verify(token, HEAD, certificate());

        assertThat(simulator.timestampAuthority().toString()).isEqualTo(simulator.endpoint() + "/tsa");
        assertThat(simulator.timestampAuthorityCertificate())
                .isEqualTo(simulator.storageDirectory().resolve(AxisSimulator.TSA_CERTIFICATE_FILE));
        assertThat(verified.pinned()).isTrue();
    }

    @Test
    void the_tsa_stamps_while_the_axis_answers_503_as_it_is_no_part_of_the_axis() throws Exception {
        simulator.unavailableFor(Duration.ofMinutes(1));

        assertThat(TestAxis.client(simulator, TestAxis.PROVINCE_SYSTEM).receivedList("edoc").statusCode()).isEqualTo(503);
        assertThat(new TsaClient(simulator.timestampAuthority(), TIMEOUT).timestamp(HEAD)).isNotEmpty();
    }

    @Test
    void the_tsa_switched_unavailable_refuses_until_switched_back() throws Exception {
        TsaClient client = new TsaClient(simulator.timestampAuthority(), TIMEOUT);
        simulator.setTimestampAuthorityAvailable(false);

        StampException refused = catchThrowableOfType(() -> client.timestamp(HEAD), StampException.class);

        assertThat(refused.code()).isEqualTo("TSA_REFUSED");
        simulator.setTimestampAuthorityAvailable(true);
        assertThat(client.timestamp(HEAD)).isNotEmpty();
    }

    @Test
    void a_caller_from_another_machine_is_refused_even_when_the_simulator_listens_on_every_address() throws Exception {
        Optional<InetAddress> ownNonLoopback = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        assumeTrue(ownNonLoopback.isPresent(), "this machine has no address but loopback");
        SimulatorSettings axis = TestAxis.settings(storage);
        try (AxisSimulator listening = AxisSimulator.start(
                new SimulatorSettings("0.0.0.0", 0, axis.systems(), axis.agencies(), null, storage, null))) {
            URI fromOutside = URI.create("http://" + ownNonLoopback.get().getHostAddress() + ":" + listening.port() + "/tsa");

            StampException refused = catchThrowableOfType(() -> new TsaClient(fromOutside, TIMEOUT).timestamp(HEAD),
                    StampException.class);

            assertThat(refused.code()).isEqualTo("TSA_REFUSED");
            assertThat(refused.english()).contains("HTTP 403");
            assertThat(new TsaClient(listening.timestampAuthority(), TIMEOUT).timestamp(HEAD)).isNotEmpty();
        }
    }

    private X509Certificate certificate() throws Exception {
        try (InputStream in = Files.newInputStream(simulator.timestampAuthorityCertificate())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
