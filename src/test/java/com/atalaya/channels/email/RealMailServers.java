package com.atalaya.channels.email;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Dovecot (IMAP with STARTTLS, IMAPS, LMTP) and Postfix (SMTP on 127.0.0.1, delivering
 * example.com and example.org into Dovecot over LMTP), each with its own configuration, ports
 * and Maildir in a temporary directory, started and stopped by the test. Every address at those
 * domains is a mailbox, with the password {@link #PASSWORD}. Nothing of the
 * system's mail setup is read or changed. Runs as root (Postfix's master needs it; Dovecot runs
 * the mailboxes as nobody). Logs are copied to {@code target/real-mail/<name>} on close.
 *
 * <p>Without the programs the tests are skipped, except under CI=true, where they fail: install
 * them with {@code apt-get install dovecot-imapd dovecot-lmtpd postfix} ({@code .ci/run} does).
 */
final class RealMailServers implements AutoCloseable {

    static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    static final String PASSWORD = "s3cret-mailbox";
    private static final Duration START_PATIENCE = Duration.ofSeconds(30);

    /** The certificate the servers present, with its key, and the PEM a client should trust for it. */
    record Tls(Path certificate, Path key, String trust) {}

    private final String name;
    private final Path dir;
    private final Tls tls;
    final int imapPort;
    final int imapsPort;
    final int smtpPort;
    private final int lmtpPort;
    private Process dovecot;
    private boolean postfixRunning;

    /** Skips the calling test class when Dovecot, Postfix or root is missing; fails instead under CI=true. */
    static void require() {
        List<String> missing = new ArrayList<>();
        for (Path program : List.of(
                DOVECOT,
                Path.of("/usr/lib/dovecot/imap"),
                Path.of("/usr/lib/dovecot/lmtp"),
                POSTFIX,
                Path.of("/usr/bin/openssl"))) {
            if (!Files.isExecutable(program)) {
                missing.add(program.toString());
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            missing.add("root (Postfix's master runs as root)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String why = "Real mail server tests need " + String.join(", ", missing)
                + "; install the servers with: apt-get install dovecot-imapd dovecot-lmtpd postfix";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(why + ". CI=true requires these tests to run");
        }
        Assumptions.abort(why + ". Skipped");
    }

    /** Servers presenting a certificate for 127.0.0.1 and localhost signed by a private test CA. */
    static RealMailServers start(String name) {
        Path dir = temporaryDirectory(name);
        return start(name, dir, TestCertificates.signedByPrivateCa(dir.resolve("tls"), "127.0.0.1", "localhost"));
    }

    static RealMailServers start(String name, Path dir, Tls tls) {
        RealMailServers servers = new RealMailServers(name, dir, tls);
        try {
            servers.startAll();
        } catch (RuntimeException | IOException e) {
            servers.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return servers;
    }

    static Path temporaryDirectory(String name) {
        try {
            Path dir = Files.createTempDirectory("atalaya-" + name + "-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RealMailServers(String name, Path dir, Tls tls) {
        this.name = name;
        this.dir = dir;
        this.tls = tls;
        this.imapPort = freePort();
        this.imapsPort = freePort();
        this.smtpPort = freePort();
        this.lmtpPort = freePort();
    }

    private void startAll() throws IOException {
        Files.createDirectories(dir.resolve("mail"));
        Files.createDirectories(dir.resolve("dovecot/state"));
        setOwner(dir.resolve("mail"), "nobody");
        Files.writeString(dir.resolve("dovecot.conf"), dovecotConf());
        startImap();
        writePostfixConfig();
        run(List.of(POSTFIX.toString(), "-c", dir.resolve("postfix").toString(), "start"));
        postfixRunning = true;
        awaitListening(smtpPort);
    }

    /**
     * Settings of an e-mail connection to {@code address}: IMAP with STARTTLS, trusting the
     * servers' certificate through the connection's trusted certificate, and SMTP through
     * Postfix. IDLE is what brings mail in; the long poll interval proves it.
     */
    Map<String, String> settings(String address) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("imapHost", "127.0.0.1");
        settings.put("imapPort", String.valueOf(imapPort));
        settings.put("imapSecurity", "STARTTLS");
        settings.put("imapUser", address);
        settings.put("imapPassword", PASSWORD);
        settings.put("imapFolder", "INBOX");
        settings.put("smtpHost", "127.0.0.1");
        settings.put("smtpPort", String.valueOf(smtpPort));
        settings.put("smtpSecurity", "NONE");
        settings.put("fromAddress", address);
        settings.put("fromName", "Atención al cliente");
        settings.put("pollSeconds", "600");
        settings.put("trustedCertificate", tls.trust());
        return settings;
    }

    Tls tls() {
        return tls;
    }

    /** A customer's message, with its own Message-ID. */
    static MimeMessage mail(String from, String to, String messageId, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            message.setText(text, "UTF-8");
            message.saveChanges();
            return message;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends through Postfix over one SMTP connection, the way a remote server hands mail over. */
    void send(List<MimeMessage> messages) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
            transport.connect();
            for (MimeMessage message : messages) {
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("Postfix did not take the mail", e);
        }
    }

    void send(MimeMessage message) {
        send(List.of(message));
    }

    /** Stops Dovecot (IMAP and LMTP): open connections are closed, new ones refused. */
    void stopImap() {
        Process running = dovecot;
        dovecot = null;
        if (running != null) {
            // Dovecot's master lets IMAP sessions linger for seconds after it ends; an outage ends them all.
            List<ProcessHandle> children = running.descendants().toList();
            running.destroy();
            children.forEach(ProcessHandle::destroy);
            try {
                if (!running.waitFor(20, TimeUnit.SECONDS)) {
                    running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                for (ProcessHandle child : children) {
                    try {
                        child.onExit().get(10, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        child.destroyForcibly();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts Dovecot and returns once its IMAP port accepts connections; the instant it did. */
    Instant startImap() {
        try {
            dovecot = new ProcessBuilder(
                            DOVECOT.toString(),
                            "-F",
                            "-c",
                            dir.resolve("dovecot.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("dovecot.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitListening(imapPort);
        return Instant.now();
    }

    /** The Maildir files of a mailbox (new and cur), to see what Postfix delivered. */
    long delivered(String address) {
        Path maildir = dir.resolve("mail").resolve(address).resolve("Maildir");
        long count = 0;
        for (String sub : List.of("new", "cur")) {
            Path path = maildir.resolve(sub);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    count += files.count();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return count;
    }

    @Override
    public void close() {
        if (postfixRunning) {
            try {
                run(List.of(POSTFIX.toString(), "-c", dir.resolve("postfix").toString(), "stop"));
            } catch (RuntimeException e) {
                // copied logs say why
            }
            postfixRunning = false;
        }
        stopImap();
        Path logs = Path.of("target", "real-mail", name);
        try {
            Files.createDirectories(logs);
            for (String log : List.of("dovecot.log", "dovecot.out", "postfix.log")) {
                if (Files.exists(dir.resolve(log))) {
                    Files.copy(dir.resolve(log), logs.resolve(log), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            // logs are a courtesy
        }
        deleteRecursively(dir);
    }

    private String dovecotConf() {
        return """
                # A Dovecot of its own for one test run: nothing here reads /etc/dovecot.
                base_dir = %1$s/dovecot
                state_dir = %1$s/dovecot/state
                instance_name = atalaya-%2$s
                log_path = %1$s/dovecot.log
                auth_verbose = yes
                auth_verbose_passwords = no
                protocols = imap lmtp
                listen = 127.0.0.1
                default_internal_user = dovecot
                default_login_user = dovenull
                ssl = yes
                ssl_cert = <%3$s
                ssl_key = <%4$s
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                mail_location = maildir:~/Maildir
                mail_fsync = never
                # Every address is a mailbox with the same password: no user list to keep in sync.
                passdb {
                  driver = static
                  args = password=%8$s
                }
                userdb {
                  driver = static
                  args = uid=65534 gid=65534 home=%1$s/mail/%%u allow_all_users=yes
                }
                service imap-login {
                  chroot =
                  inet_listener imap {
                    port = %5$d
                  }
                  inet_listener imaps {
                    port = %6$d
                    ssl = yes
                  }
                }
                service lmtp {
                  inet_listener lmtp {
                    address = 127.0.0.1
                    port = %7$d
                  }
                }
                service anvil {
                  chroot =
                }
                """.formatted(dir, name, tls.certificate(), tls.key(), imapPort, imapsPort, lmtpPort, PASSWORD);
    }

    private void writePostfixConfig() throws IOException {
        Path config = Files.createDirectories(dir.resolve("postfix"));
        Files.createDirectories(dir.resolve("postfix-queue"));
        Path data = Files.createDirectories(dir.resolve("postfix-data"));
        setOwner(data, "postfix");
        Files.writeString(config.resolve("main.cf"), """
                # A Postfix of its own for one test run: loopback only, every domain goes to Dovecot over LMTP.
                compatibility_level = 3.6
                queue_directory = %1$s/postfix-queue
                data_directory = %1$s/postfix-data
                mail_owner = postfix
                setgid_group = postdrop
                myhostname = mail.atalaya.test
                mydomain = atalaya.test
                myorigin = $myhostname
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                mydestination =
                mynetworks = 127.0.0.0/8
                relayhost =
                relay_domains =
                virtual_mailbox_domains = example.com example.org
                virtual_mailbox_maps =
                virtual_transport = lmtp:inet:127.0.0.1:%2$d
                smtpd_reject_unlisted_recipient = no
                local_recipient_maps =
                alias_maps =
                alias_database =
                maillog_file = %1$s/postfix.log
                maillog_file_prefixes = %1$s
                in_flow_delay = 0
                queue_run_delay = 2s
                minimal_backoff_time = 2s
                maximal_backoff_time = 4s
                smtpd_banner = $myhostname ESMTP
                smtpd_tls_cert_file = %3$s
                smtpd_tls_key_file = %4$s
                smtpd_tls_security_level = may
                smtputf8_enable = no
                biff = no
                append_dot_mydomain = no
                """.formatted(dir, lmtpPort, tls.certificate(), tls.key()));
        Files.writeString(config.resolve("master.cf"), """
                127.0.0.1:%d inet n - n - - smtpd
                pickup    unix  n       -       n       60      1       pickup
                cleanup   unix  n       -       n       -       0       cleanup
                qmgr      unix  n       -       n       300     1       qmgr
                tlsmgr    unix  -       -       n       1000?   1       tlsmgr
                rewrite   unix  -       -       n       -       -       trivial-rewrite
                bounce    unix  -       -       n       -       0       bounce
                defer     unix  -       -       n       -       0       bounce
                trace     unix  -       -       n       -       0       bounce
                verify    unix  -       -       n       -       1       verify
                flush     unix  n       -       n       1000?   0       flush
                proxymap  unix  -       -       n       -       -       proxymap
                smtp      unix  -       -       n       -       -       smtp
                relay     unix  -       -       n       -       -       smtp
                showq     unix  n       -       n       -       -       showq
                error     unix  -       -       n       -       -       error
                retry     unix  -       -       n       -       -       error
                discard   unix  -       -       n       -       -       discard
                lmtp      unix  -       -       n       -       -       lmtp
                anvil     unix  -       -       n       -       1       anvil
                scache    unix  -       -       n       -       1       scache
                postlog   unix-dgram n  -       n       -       1       postlogd
                """.formatted(smtpPort));
    }

    private void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("commands.out").toFile()))
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + tail(dir.resolve("commands.out")) + tail(dir.resolve("postfix.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening(int port) {
        try {
            await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (port == imapPort && dovecot != null && !dovecot.isAlive()) {
                    throw new IllegalStateException(
                            "Dovecot ended: " + tail(dir.resolve("dovecot.out")) + tail(dir.resolve("dovecot.log")));
                }
                return listening(port);
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Nothing listens on 127.0.0.1:" + port + " after "
                    + START_PATIENCE.toSeconds() + " s: " + tail(dir.resolve("dovecot.log"))
                    + tail(dir.resolve("postfix.log")));
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void setOwner(Path path, String user) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, users.lookupPrincipalByName(user));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
