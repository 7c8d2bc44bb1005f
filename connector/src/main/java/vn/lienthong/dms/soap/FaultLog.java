package vn.lienthong.dms.soap;

import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.FaultMode;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.soap.contract.LienThongFault;

/**
 * Logs the endpoint's faults instead of CXF, whose default line carries the fault's message: for a
 * schema-invalid request that message quotes the offending value, which may be document content.
 * Refusals by the gateway are logged where they are decided ({@link DmsSoapService}); here only what CXF raised.
 */
final class FaultLog implements FaultListener {

    private static final Logger LOG = LoggerFactory.getLogger(FaultLog.class);

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        if (message.get(FaultMode.class) == FaultMode.CHECKED_APPLICATION_FAULT) {
            return false;
        }
        if (FaultShaping.find(exception, LienThongFault.class) != null) {
            return false; // refused by our own interceptor, which logged why
        }
        if (FaultShaping.isRequestProblem(exception)) {
            LOG.info("SOAP request refused as not matching the WSDL ({})", exception.getClass().getSimpleName());
        } else {
            LOG.warn("SOAP request failed unexpectedly in {}", description.strip(), exception);
        }
        return false;
    }
}
