package vn.lienthong.dms.soap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.apache.cxf.Bus;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import vn.lienthong.dms.DmsTls;

/**
 * TLS of the SOAP interface: the same key, certificate and client-certificate trust as the REST API
 * ({@link DmsTls}), on CXF's Jetty engine, and the client certificate of a request.
 */
final class SoapTls {

    /** Where the servlet container puts the client's certificate chain, leaf first. */
    private static final String PEER_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private SoapTls() {
    }

    /**
     * Makes the Jetty engine of {@code host:port} serve TLS, asking each client for a certificate without requiring
     * one (want, not need), so that API-key clients without a certificate still connect.
     */
    static void configurePort(Bus bus, String host, int port, DmsTls tls) throws IOException {
        TLSServerParameters parameters = new TLSServerParameters();
        parameters.setKeyManagers(tls.keyManagers());
        parameters.setTrustManagers(tls.trustManagers());
        ClientAuthentication clientAuthentication = new ClientAuthentication();
        clientAuthentication.setWant(true);
        clientAuthentication.setRequired(false);
        parameters.setClientAuthentication(clientAuthentication);
        try {
            bus.getExtension(JettyHTTPServerEngineFactory.class).setTLSServerParametersForPort(host, port, parameters);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(DmsTls.KEYSTORE + ": TLS cannot be set up for SOAP on port " + port
                    + ": " + e.getMessage(), e);
        }
    }

    /** The certificate the client presented in the TLS handshake of this request, if any. */
    static Optional<X509Certificate> clientCertificate(WebServiceContext context) {
        if (context == null) {
            return Optional.empty();
        }
        Object request = context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        return clientCertificate(request instanceof HttpServletRequest http ? http : null);
    }

    /** The certificate the client presented in the TLS handshake of {@code request} (null: none), if any. */
    static Optional<X509Certificate> clientCertificate(HttpServletRequest request) {
        if (request != null && request.getAttribute(PEER_CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
            return Optional.of(chain[0]);
        }
        return Optional.empty();
    }
}
