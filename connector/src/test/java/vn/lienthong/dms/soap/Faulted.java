package vn.lienthong.dms.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import vn.lienthong.dms.soap.contract.LienThongError;
import vn.lienthong.dms.soap.contract.LienThongFault;
import vn.lienthong.dms.soap.contract.LienThongFaultDetail;

/** The detail of the LienThongFault a SOAP call ends with. */
final class Faulted {

    interface SoapCall {
        void call() throws Exception;
    }

    private Faulted() {
    }

    static LienThongFaultDetail detailOf(SoapCall call) {
        Throwable thrown = catchThrowable(call::call);
        assertThat(thrown).as("the call ends with the LienThongFault").isInstanceOf(LienThongFault.class);
        return ((LienThongFault) thrown).getFaultInfo();
    }

    static String codes(LienThongFaultDetail detail) {
        return String.join(",", detail.getError().stream().map(LienThongError::getCode).toList());
    }
}
