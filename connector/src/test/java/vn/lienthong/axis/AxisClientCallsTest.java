package vn.lienthong.axis;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienthong.edxml.MessageType;

/** Each call goes to its path with its method and exactly its logical headers, and its answer is read. */
class AxisClientCallsTest extends AxisClientFixture {

    @Test
    void get_received_edoc_list_asks_for_one_message_type_and_reads_every_waiting_package() throws Exception {
        axis.stubFor(post(urlEqualTo("/getReceivedEdocList")).willReturn(okJson(ok("\"data\":["
                + "{\"docId\":\"D-1\",\"serviceType\":\"eDoc\",\"messageType\":\"edoc\",\"created_time\":\"2026-11-22 10:29:07\","
                + "\"updated_time\":\"2026-11-22 10:30:00\",\"from\":\"000.00.00.G22\",\"to\":\"000.00.00.H41\","
                + "\"status\":\"initial\",\"status_desc\":\"waiting\",\"unmodelled\":{\"x\":[1]}},"
                + "{\"docId\":\"D-2\",\"messageType\":\"edoc\"}]"))));

        List<ReceivedPackage> waiting = client.getReceivedEdocList(MessageType.EDOC);

        assertThat(waiting).containsExactly(
                new ReceivedPackage("D-1", "eDoc", "edoc", "2026-11-22 10:29:07", "2026-11-22 10:30:00",
                        "000.00.00.G22", "000.00.00.H41", "initial", "waiting"),
                new ReceivedPackage("D-2", null, "edoc", null, null, null, null, null, null));
        assertSignedOver(theOnlyRequest(), "systemid;servicetype;messagetype;timestamp;Content-Type");
        axis.verify(postRequestedFor(urlEqualTo("/getReceivedEdocList"))
                .withHeader("XroadVnpt-servicetype", equalTo("eDoc"))
                .withHeader("XroadVnpt-messagetype", equalTo("edoc"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void an_empty_mailbox_is_an_empty_list() throws Exception {
        axis.stubFor(post(urlEqualTo("/getReceivedEdocList")).willReturn(okJson(ok("\"data\":[]"))));

        assertThat(client.getReceivedEdocList(MessageType.STATUS)).isEmpty();
        axis.verify(postRequestedFor(urlEqualTo("/getReceivedEdocList")).withHeader("XroadVnpt-messagetype", equalTo("status")));
    }

    @ParameterizedTest(name = "taken safely: {0} -> status {1}")
    @CsvSource({"true, done", "false, fail"})
    void update_status_says_done_when_the_package_is_taken_and_fail_otherwise(boolean done, String status) throws Exception {
        axis.stubFor(post(urlEqualTo("/updateStatus")).willReturn(okJson(ok(""))));

        client.updateStatus("D-1", done);

        assertSignedOver(theOnlyRequest(), "systemid;docId;status;timestamp;Content-Type");
        axis.verify(postRequestedFor(urlEqualTo("/updateStatus"))
                .withHeader("XroadVnpt-docId", equalTo("D-1"))
                .withHeader("XroadVnpt-status", equalTo(status))
                .withRequestBody(equalTo("{}")));
    }

    @Test
    void get_sent_edoc_list_asks_about_one_doc_id_and_reads_every_report() throws Exception {
        axis.stubFor(post(urlEqualTo("/getSentEdocList")).willReturn(okJson(ok("\"data\":[{\"senderDocId\":\"S-1\","
                + "\"receiverDocId\":\"R-1\",\"fromCode\":\"000.00.00.G22\",\"toCode\":\"000.00.00.H41\",\"title\":\"Công văn\","
                + "\"notation\":\"12/UBND-VP\",\"sentTime\":\"22/11/2026 10:29\",\"receivedTime\":\"22/11/2026 10:31\","
                + "\"sendStatus\":\"done\",\"sendStatusDesc\":\"sent\",\"receiveStatus\":\"done\",\"receiveStatusDesc\":\"taken\","
                + "\"serviceType\":\"eDoc\",\"messageType\":\"edoc\"}]"))));

        List<SentPackage> reports = client.getSentEdocList(MessageType.EDOC, "S-1");

        assertThat(reports).containsExactly(new SentPackage("S-1", "R-1", "000.00.00.G22", "000.00.00.H41", "Công văn",
                "12/UBND-VP", "22/11/2026 10:29", "22/11/2026 10:31", "done", "sent", "done", "taken", "eDoc", "edoc"));
        assertSignedOver(theOnlyRequest(), "systemid;servicetype;messagetype;docId;timestamp;Content-Type");
        axis.verify(postRequestedFor(urlEqualTo("/getSentEdocList")).withHeader("XroadVnpt-docId", equalTo("S-1")));
    }

    @Test
    void counts_are_asked_with_get_and_read_as_numbers_or_text() throws Exception {
        axis.stubFor(get(urlEqualTo("/countReceiveEdoc")).willReturn(okJson(ok("\"count\":42"))));
        axis.stubFor(get(urlEqualTo("/countReceiveStatus")).willReturn(okJson(ok("\"count\":\"7\""))));

        assertThat(client.countReceiveEdoc()).isEqualTo(42);
        assertThat(client.countReceiveStatus()).isEqualTo(7);

        for (String call : List.of("/countReceiveEdoc", "/countReceiveStatus")) {
            axis.verify(getRequestedFor(urlEqualTo(call))
                    .withHeader("XroadVnpt-sign-header-key", equalTo("systemid;timestamp;Content-Type"))
                    .withHeader("XroadVnpt-Content-Type", equalTo("application/json")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"getAgenciesList", "getAgenciesListQD20"})
    void agencies_are_handed_over_one_by_one_in_the_order_of_the_answer(String call) throws Exception {
        axis.stubFor(post(urlEqualTo("/" + call)).willReturn(okJson("{\"data\":["
                + "{\"id\":1,\"pid\":0,\"code\":\"000.00.00.G22\",\"code102\":\"G22\",\"name\":\"Bộ Nội vụ\",\"mail\":\"vp@moha.gov.vn\",\"level\":1},"
                + "{\"id\":\"2\",\"pid\":\"1\",\"code\":\"000.01.00.G22\",\"name\":\"Văn phòng Bộ\"}"
                + "],\"status\":\"OK\",\"ErrorCode\":\"0\",\"ErrorDesc\":\"\"}")));
        List<Agency> handedOver = new ArrayList<>();

        if (call.equals("getAgenciesList")) {
            client.getAgenciesList(handedOver::add);
        } else {
            client.getAgenciesListQD20(handedOver::add);
        }

        assertThat(handedOver).containsExactly(
                new Agency("1", "0", "000.00.00.G22", "G22", "Bộ Nội vụ", "vp@moha.gov.vn"),
                new Agency("2", "1", "000.01.00.G22", null, "Văn phòng Bộ", null));
        assertSignedOver(theOnlyRequest(), "systemid;timestamp;Content-Type");
        axis.verify(postRequestedFor(urlEqualTo("/" + call)).withRequestBody(equalTo("{}")));
    }

    @Test
    void register_agency_posts_the_agency_as_json() throws Exception {
        axis.stubFor(post(urlEqualTo("/registerAgency")).willReturn(okJson(ok(""))));

        client.registerAgency(new Agency(null, "1", "000.02.00.G22", "G22.02", "Vụ Tổ chức", "vtc@moha.gov.vn"));

        assertSignedOver(theOnlyRequest(), "systemid;timestamp;Content-Type");
        axis.verify(postRequestedFor(urlEqualTo("/registerAgency")).withRequestBody(equalToJson(
                "{\"pid\":\"1\",\"code\":\"000.02.00.G22\",\"code102\":\"G22.02\",\"name\":\"Vụ Tổ chức\",\"mail\":\"vtc@moha.gov.vn\"}")));
    }

    @Test
    void delete_agency_names_the_code_in_the_agency_code_header() throws Exception {
        axis.stubFor(post(urlEqualTo("/deleteAgency")).willReturn(okJson(ok(""))));

        client.deleteAgency("000.02.00.G22");

        assertSignedOver(theOnlyRequest(), "systemid;AgencyCode;timestamp;Content-Type");
        axis.verify(postRequestedFor(urlEqualTo("/deleteAgency"))
                .withHeader("XroadVnpt-AgencyCode", equalTo("000.02.00.G22"))
                .withHeader("XroadVnpt-docId", absent()));
    }
}
