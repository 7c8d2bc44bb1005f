package vn.lienthong.dms.soap;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;

/**
 * Authenticates a request as soon as its SOAP header has been read, before its body and before any MTOM part (the
 * parts follow the envelope) is read or spooled: a caller without a valid ApiKey, or over TLS a pinned certificate,
 * gets its UNAUTHENTICATED fault having cost one small read. Then the request's {@link RequestQuota} opens. The
 * operations authenticate again (DmsSoapService), which keeps them correct on their own.
 */
final class EarlyAuthentication extends AbstractSoapInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyAuthentication.class);
    private static final QName API_KEY = new QName(SoapEndpoint.NAMESPACE, "ApiKey");

    private final ClientRegistry clients;

    EarlyAuthentication(ClientRegistry clients) {
        super(Phase.PRE_PROTOCOL);
        this.clients = clients;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        String key = apiKey(message);
        Optional<DmsClient> client = key != null
                ? clients.byApiKey(key)
                : SoapTls.clientCertificate(message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest http
                        ? http : null).flatMap(clients::byCertificate);
        if (client.isEmpty()) {
            LOG.info("SOAP request refused before its body was read: {}",
                    key != null ? "unknown ApiKey" : "no ApiKey and no pinned client certificate");
            throw new Fault(Faults.unauthenticated());
        }
        RequestQuota quota = message.get(RequestQuota.class);
        if (quota != null) {
            quota.authenticated();
        }
    }

    private static String apiKey(SoapMessage message) {
        for (Header header : message.getHeaders()) {
            if (API_KEY.equals(header.getName()) && header.getObject() instanceof Element element) {
                String key = element.getTextContent();
                return key == null || key.isBlank() ? null : key.strip();
            }
        }
        return null;
    }
}
