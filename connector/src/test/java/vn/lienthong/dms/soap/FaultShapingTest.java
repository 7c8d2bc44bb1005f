package vn.lienthong.dms.soap;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.staxutils.StaxUtils;
import org.junit.jupiter.api.Test;

/** Faults CXF raises itself, shaped like ours; the unexpected ones without a word about their cause. */
class FaultShapingTest {

    private static Fault shape(Exception thrown) {
        SoapMessage message = new SoapMessage(new MessageImpl());
        message.setExchange(new ExchangeImpl());
        message.setContent(Exception.class, thrown);
        new FaultShaping().handleMessage(message);
        return (Fault) message.getContent(Exception.class);
    }

    @Test
    void an_unexpected_exception_becomes_an_internal_error_that_says_nothing_of_its_cause() {
        Fault fault = shape(new Fault(new IllegalStateException("jdbc:h2:/srv/lienthong/db password=hunter2")));

        String everything = fault.getMessage() + StaxUtils.toString(fault.getDetail());
        assertThat(fault.getFaultCode()).isEqualTo(Soap11.getInstance().getReceiver());
        assertThat(everything).contains("<status>INTERNAL_ERROR</status>").contains("<code>INTERNAL_ERROR</code>")
                .doesNotContain("hunter2").doesNotContain("/srv").doesNotContain("IllegalStateException");
    }

    @Test
    void a_request_the_parser_rejects_is_the_clients_fault_with_the_parsers_position() {
        Fault fault = shape(new Fault(new org.xml.sax.SAXParseException("cvc-complex-type.2.4.b: statusCode is expected",
                null, null, 7, 21)));

        String detail = StaxUtils.toString(fault.getDetail());
        assertThat(fault.getFaultCode()).isEqualTo(Soap11.getInstance().getSender());
        assertThat(detail).contains("<status>INVALID_REQUEST</status>").contains("statusCode is expected")
                .contains("<line>7</line>").contains("<column>21</column>");
    }

    @Test
    void a_parser_message_never_quotes_a_long_value_back() {
        String reason = FaultShaping.reason("Unmarshalling Error: cvc-maxLength-valid: Value '"
                + "Trần Thị Bình, 0912 345 678, Phòng Hành chính" + "' with length = '44' is not facet-valid.");

        assertThat(reason).startsWith("cvc-maxLength-valid").doesNotContain("Trần Thị Bình").contains("'…'");
    }
}
