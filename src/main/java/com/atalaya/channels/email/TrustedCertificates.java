package com.atalaya.channels.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificates a connection trusts besides the JDK's default trust store: a mail server's
 * own self-signed certificate, or the certificate of a private authority that signed it, pasted
 * as PEM. Every TLS connection of the e-mail channel goes through {@link #socketFactory()}, which
 * checks the server's certificate against both and its host name, and on refusal throws a
 * {@link ServerCertificateException} that names the certificate.
 */
final class TrustedCertificates {

    static final TrustedCertificates NONE = new TrustedCertificates(List.of());

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private final List<X509Certificate> certificates;

    private TrustedCertificates(List<X509Certificate> certificates) {
        this.certificates = List.copyOf(certificates);
    }

    /**
     * Reads the PEM certificates in {@code pem} (blank for none). Line breaks may be missing, as
     * when the text went through a one-line field.
     *
     * @throws IllegalArgumentException when the text holds no readable certificate
     */
    static TrustedCertificates parse(String pem) {
        if (pem == null || pem.isBlank()) {
            return NONE;
        }
        List<X509Certificate> found = new ArrayList<>();
        Matcher block = PEM.matcher(pem);
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(1).replaceAll("\\s", ""));
                found.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("The trusted certificate could not be read: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("The trusted certificate holds no -----BEGIN CERTIFICATE----- block");
        }
        return new TrustedCertificates(found);
    }

    List<X509Certificate> certificates() {
        return certificates;
    }

    /** Sockets that trust the default trust store and these certificates, and check the host name. */
    SSLSocketFactory socketFactory() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new Checking(defaults(), pasted())}, null);
            return new HostChecking(tls.getSocketFactory());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager defaults() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return extended(factory);
    }

    private X509ExtendedTrustManager pasted() throws GeneralSecurityException, IOException {
        if (certificates.isEmpty()) {
            return null;
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("trusted-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return extended(factory);
    }

    private static X509ExtendedTrustManager extended(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("No X.509 trust manager");
    }

    /**
     * Trusts a chain that the default or the pasted certificates trust, then checks that it is for
     * the host connected to (the socket's endpoint identification, set by {@link HostChecking}).
     */
    private static final class Checking extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager defaults;
        private final X509ExtendedTrustManager pasted;

        Checking(X509ExtendedTrustManager defaults, X509ExtendedTrustManager pasted) {
            this.defaults = defaults;
            this.pasted = pasted;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            X509ExtendedTrustManager trusting = trusting(chain, authType);
            try {
                trusting.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                throw refusedWithHost(chain, e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            X509ExtendedTrustManager trusting = trusting(chain, authType);
            try {
                trusting.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw refusedWithHost(chain, e);
            }
        }

        /** The chain was trusted on its own, so a refusal now is about the host name (or the session). */
        private static ServerCertificateException refusedWithHost(X509Certificate[] chain, CertificateException e) {
            String why = String.valueOf(e.getMessage());
            boolean name = why.contains("subject alternative") || why.contains("No name matching");
            return new ServerCertificateException(
                    name ? ServerCertificateException.Reason.WRONG_HOST : ServerCertificateException.Reason.UNTRUSTED,
                    chain[0],
                    e);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            trusting(chain, authType);
        }

        /**
         * The trust manager that trusts the chain, ignoring the host name; refuses it when none
         * does, or when the server's certificate is out of its validity (checked here too: PKIX
         * does not check the dates of a trust anchor, and a pasted self-signed certificate is one).
         */
        private X509ExtendedTrustManager trusting(X509Certificate[] chain, String authType)
                throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("The server sent no certificate");
            }
            X509ExtendedTrustManager trusting = null;
            CertificateException refused = null;
            try {
                defaults.checkServerTrusted(chain, authType);
                trusting = defaults;
            } catch (CertificateException e) {
                refused = e;
            }
            if (trusting == null && pasted != null) {
                try {
                    pasted.checkServerTrusted(chain, authType);
                    trusting = pasted;
                } catch (CertificateException e) {
                    refused = e;
                }
            }
            try {
                chain[0].checkValidity();
            } catch (CertificateExpiredException e) {
                throw new ServerCertificateException(
                        ServerCertificateException.Reason.EXPIRED, chain[0], refused == null ? e : refused);
            } catch (CertificateNotYetValidException e) {
                throw new ServerCertificateException(
                        ServerCertificateException.Reason.NOT_YET_VALID, chain[0], refused == null ? e : refused);
            }
            if (trusting == null) {
                throw new ServerCertificateException(ServerCertificateException.Reason.UNTRUSTED, chain[0], refused);
            }
            return trusting;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("Not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("Not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Turns on the check of the host name (RFC 2818 rules) on every socket it makes. */
    private static final class HostChecking extends SSLSocketFactory {

        private final SSLSocketFactory delegate;

        HostChecking(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket checking(Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(parameters);
            }
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return checking(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return checking(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return checking(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return checking(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return checking(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return checking(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
