package com.atalaya.channels.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Server certificates for the real-server tests, made with openssl (and the JDK's keytool for one
 * that has already expired): self-signed, signed by a private CA, or expired. Each comes with
 * the PEM a client pastes to trust it.
 */
final class TestCertificates {

    private TestCertificates() {}

    /** A certificate for {@code names} (IP addresses or host names) that signs itself. */
    static RealMailServers.Tls selfSigned(Path dir, String... names) {
        mkdirs(dir);
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server.key");
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-days",
                "2",
                "-subj",
                "/O=Atalaya self-signed test/CN=" + names[0],
                "-addext",
                "subjectAltName=" + alternativeNames(names));
        return new RealMailServers.Tls(cert, key, read(cert));
    }

    /** A certificate for {@code names} signed by a new private CA; the CA's certificate is what to trust. */
    static RealMailServers.Tls signedByPrivateCa(Path dir, String... names) {
        mkdirs(dir);
        Path caCert = dir.resolve("ca.pem");
        Path caKey = dir.resolve("ca.key");
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                caKey.toString(),
                "-out",
                caCert.toString(),
                "-days",
                "2",
                "-subj",
                "/O=Atalaya test/CN=Atalaya Test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign");
        Path key = dir.resolve("server.key");
        Path request = dir.resolve("server.csr");
        openssl(
                dir,
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                request.toString(),
                "-subj",
                "/O=Atalaya test server/CN=" + names[0]);
        Path extensions = dir.resolve("server.ext");
        write(extensions, "subjectAltName=" + alternativeNames(names) + "\nextendedKeyUsage=serverAuth\n");
        Path cert = dir.resolve("server.pem");
        openssl(
                dir,
                "x509",
                "-req",
                "-in",
                request.toString(),
                "-CA",
                caCert.toString(),
                "-CAkey",
                caKey.toString(),
                "-CAcreateserial",
                "-out",
                cert.toString(),
                "-days",
                "2",
                "-extfile",
                extensions.toString());
        return new RealMailServers.Tls(cert, key, read(caCert));
    }

    /** A self-signed certificate for {@code names} that expired yesterday (made with keytool, which can backdate). */
    static RealMailServers.Tls expired(Path dir, String... names) {
        mkdirs(dir);
        Path store = dir.resolve("expired.p12");
        Path keytool =
                Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool");
        run(
                dir,
                List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=" + names[0] + ", O=Atalaya expired test",
                        "-ext",
                        "san=" + keytoolNames(names),
                        "-startdate",
                        "-3d",
                        "-validity",
                        "2",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit"));
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server.key");
        openssl(
                dir,
                "pkcs12",
                "-in",
                store.toString(),
                "-passin",
                "pass:changeit",
                "-nodes",
                "-nocerts",
                "-out",
                key.toString());
        openssl(
                dir,
                "pkcs12",
                "-in",
                store.toString(),
                "-passin",
                "pass:changeit",
                "-nokeys",
                "-clcerts",
                "-out",
                cert.toString());
        return new RealMailServers.Tls(cert, key, read(cert));
    }

    private static String alternativeNames(String... names) {
        return Arrays.stream(names)
                .map(n -> (n.matches("[0-9.]+") ? "IP:" : "DNS:") + n)
                .collect(Collectors.joining(","));
    }

    private static String keytoolNames(String... names) {
        return Arrays.stream(names)
                .map(n -> (n.matches("[0-9.]+") ? "ip:" : "dns:") + n)
                .collect(Collectors.joining(","));
    }

    private static void openssl(Path dir, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/openssl");
        command.addAll(List.of(arguments));
        run(dir, command);
    }

    private static void run(Path dir, List<String> command) {
        try {
            Path output = dir.resolve("commands.out");
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + read(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
