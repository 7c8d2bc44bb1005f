package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.simulator.TestAxis.MINISTRY;
import static vn.lienthong.simulator.TestAxis.MINISTRY_SYSTEM;
import static vn.lienthong.simulator.TestAxis.PROVINCE;
import static vn.lienthong.simulator.TestAxis.PROVINCE_SYSTEM;
import static vn.lienthong.simulator.TestAxis.SAAS_SYSTEM;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lienthong.axis.AxisTimestamp;

/**
 * Every answer of every call carries each key the official SDK's model of that call reads, OK or not, whichever
 * check refused it: the SDK throws NullPointerException on a missing key instead of reporting the refusal.
 */
class SimulatorAnswerKeysTest {

    private static final String NEW_AGENCY = "{\"code\":\"000.00.15.H51\",\"name\":\"Sở Tư pháp tỉnh Quảng Ngãi\"}";

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

    private SdkWire ministry() {
        return SdkWire.of(simulator, MINISTRY_SYSTEM);
    }

    private SdkWire province() {
        return SdkWire.of(simulator, PROVINCE_SYSTEM);
    }

    private SdkWire impostor() {
        return province().signingWith(TestAxis.SECRETS.get(MINISTRY_SYSTEM));
    }

    private SdkWire tenMinutesLate() {
        return province().stampedWith(() ->
                AxisTimestamp.format(LocalDateTime.now(Clock.system(AxisTimestamp.VIETNAM)).minusMinutes(10)));
    }

    private SdkWire stranger() {
        return province().asSystem("vxp.unknown");
    }

    private SdkWire.RawAnswer send(SdkWire sender, String... recipients) {
        return sender.sendEdoc(SimulatorEnvelopes.edoc(MINISTRY, "d-1", recipients), MINISTRY, "edoc");
    }

    private String sentToProvince() {
        return SdkModels.SEND_EDOC.read(send(ministry(), PROVINCE)).get("DocId").asText();
    }

    private SdkWire.RawAnswer withEveryCallFailing(Function<SdkWire, SdkWire.RawAnswer> call) {
        simulator.setFaults(Faults.NONE.withErrorRate(1.0));
        return call.apply(province());
    }

    private static Arguments situation(String name, SdkModels model, int statusCode,
                                       Function<SimulatorAnswerKeysTest, SdkWire.RawAnswer> call) {
        return Arguments.of(name, model, statusCode, call);
    }

    static Stream<Arguments> situations() {
        return Stream.of(
                situation("sendEdoc accepted", SdkModels.SEND_EDOC, 200, t -> t.send(t.ministry(), PROVINCE)),
                situation("sendEdoc to an unknown recipient", SdkModels.SEND_EDOC, 400,
                        t -> t.send(t.ministry(), "000.00.99.Z99")),
                situation("sendEdoc of no edXML", SdkModels.SEND_EDOC, 400, t -> t.ministry()
                        .sendEdoc("not an envelope".getBytes(StandardCharsets.UTF_8), MINISTRY, "edoc")),
                situation("sendEdoc with a wrong HMAC", SdkModels.SEND_EDOC, 401, t -> t.send(t.impostor(), PROVINCE)),
                situation("sendEdoc with a stale timestamp", SdkModels.SEND_EDOC, 401,
                        t -> t.send(t.tenMinutesLate(), PROVINCE)),
                situation("sendEdoc from an unknown system", SdkModels.SEND_EDOC, 401,
                        t -> t.send(t.stranger(), PROVINCE)),
                situation("sendEdoc with GET", SdkModels.SEND_EDOC, 405,
                        t -> t.ministry().call("GET", "/sendEdoc", "application/octet-stream", new byte[0])),
                situation("sendEdoc failed on purpose", SdkModels.SEND_EDOC, 503,
                        t -> t.withEveryCallFailing(wire -> t.send(wire, PROVINCE))),
                situation("getReceivedEdocList", SdkModels.RECEIVED_LIST, 200,
                        t -> t.province().getReceivedEdocList("edoc")),
                situation("getReceivedEdocList of an unknown type", SdkModels.RECEIVED_LIST, 400,
                        t -> t.province().getReceivedEdocList("memo")),
                situation("getReceivedEdocList with a wrong HMAC", SdkModels.RECEIVED_LIST, 401,
                        t -> t.impostor().getReceivedEdocList("edoc")),
                situation("getReceivedEdocList failed on purpose", SdkModels.RECEIVED_LIST, 503,
                        t -> t.withEveryCallFailing(wire -> wire.getReceivedEdocList("edoc"))),
                situation("getEdoc", SdkModels.GET_EDOC, 200, t -> t.province().getEdoc("docId", t.sentToProvince())),
                situation("getEdoc of an unknown package", SdkModels.GET_EDOC, 404,
                        t -> t.province().getEdoc("docId", "no-such-doc")),
                situation("getEdoc with a stale timestamp", SdkModels.GET_EDOC, 401,
                        t -> t.tenMinutesLate().getEdoc("docId", "no-such-doc")),
                situation("updateStatus", SdkModels.UPDATE_STATUS, 200,
                        t -> t.province().updateStatus("docId", t.sentToProvince(), "done")),
                situation("updateStatus of an unknown package", SdkModels.UPDATE_STATUS, 404,
                        t -> t.province().updateStatus("docId", "no-such-doc", "done")),
                situation("updateStatus neither done nor fail", SdkModels.UPDATE_STATUS, 400,
                        t -> t.province().updateStatus("docId", "no-such-doc", "maybe")),
                situation("getSentEdocList", SdkModels.SENT_LIST, 200,
                        t -> t.ministry().getSentEdocList("edoc", t.sentToProvince())),
                situation("getSentEdocList of an unknown type", SdkModels.SENT_LIST, 400,
                        t -> t.ministry().getSentEdocList("memo", "")),
                situation("getSentEdocList from an unknown system", SdkModels.SENT_LIST, 401,
                        t -> t.stranger().getSentEdocList("edoc", "")),
                situation("countReceiveEdoc", SdkModels.COUNT, 200, t -> t.province().count("countReceiveEdoc")),
                situation("countReceiveStatus", SdkModels.COUNT, 200, t -> t.province().count("countReceiveStatus")),
                situation("countReceiveEdoc with a wrong HMAC", SdkModels.COUNT, 401,
                        t -> t.impostor().count("countReceiveEdoc")),
                situation("countReceiveStatus with POST", SdkModels.COUNT, 405,
                        t -> t.province().call("POST", "/countReceiveStatus", "application/json", new byte[0])),
                situation("getAgenciesList", SdkModels.AGENCIES, 200, t -> t.province().agencies("getAgenciesList")),
                situation("getAgenciesListQD20", SdkModels.AGENCIES, 200,
                        t -> t.province().agencies("getAgenciesListQD20")),
                situation("getAgenciesList from an unknown system", SdkModels.AGENCIES, 401,
                        t -> t.stranger().agencies("getAgenciesList")),
                situation("getAgenciesListQD20 failed on purpose", SdkModels.AGENCIES, 503,
                        t -> t.withEveryCallFailing(wire -> wire.agencies("getAgenciesListQD20"))),
                situation("registerAgency", SdkModels.REGISTER_AGENCY, 200,
                        t -> SdkWire.of(t.simulator, SAAS_SYSTEM).registerAgency(NEW_AGENCY)),
                situation("registerAgency of no JSON", SdkModels.REGISTER_AGENCY, 400,
                        t -> SdkWire.of(t.simulator, SAAS_SYSTEM).registerAgency("not json")),
                situation("deleteAgency", SdkModels.DELETE_AGENCY, 200, t -> t.province().deleteAgency(PROVINCE)),
                situation("deleteAgency of another system's agency", SdkModels.DELETE_AGENCY, 400,
                        t -> t.province().deleteAgency(MINISTRY)),
                situation("a path that is no call", SdkModels.UPDATE_STATUS, 404,
                        t -> t.province().call("POST", "/sendEdocs", "application/json", new byte[0])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void every_answer_carries_the_keys_the_sdks_model_of_the_call_reads(
            String situation, SdkModels model, int statusCode, Function<SimulatorAnswerKeysTest, SdkWire.RawAnswer> call) {
        SdkWire.RawAnswer answer = call.apply(this);

        JsonNode read = model.read(answer);

        assertThat(answer.statusCode()).as(answer.text()).isEqualTo(statusCode);
        assertThat(read.get("status").asText()).isEqualTo(statusCode == 200 ? "OK" : "FAIL");
        assertThat(read.get("ErrorCode").asText()).isEqualTo(statusCode == 200 ? "0" : String.valueOf(statusCode));
    }
}
