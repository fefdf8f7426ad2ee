package com.atalaya.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.channels.FileStore;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.InboundMessage;
import com.atalaya.channels.Party;
import com.atalaya.channels.StoredFile;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailParserTest {

    private final EmailParser parser = new EmailParser();
    private final MemoryFiles files = new MemoryFiles(1024 * 1024);

    @Test
    void plainMessageKeepsItsIdSenderSubjectAndDecodedText() throws Exception {
        InboundMessage in = parser.parse(fixture("plain.eml"), files);

        assertThat(in.providerMessageId()).isEqualTo("<CAF3x9kq7Lm2@mail.example.org>");
        assertThat(in.sender()).isEqualTo(new Party(IdentityKind.EMAIL, "lucia.martin@example.org", "Lucía Martín"));
        assertThat(in.subject()).isEqualTo("¿Dónde está mi pedido?");
        assertThat(in.text())
                .startsWith("Hola:")
                .contains("todavía no ha llegado")
                .endsWith("Lucía");
        assertThat(in.html()).isNull();
        assertThat(in.references()).isEmpty();
        assertThat(in.attachments()).isEmpty();
        assertThat(in.sentAt()).isEqualTo(Instant.parse("2025-03-10T08:13:58Z"));
        assertThat(in.automated()).isFalse();
        assertThat(in.threadKey()).isNull();
    }

    @Test
    void htmlLosesScriptsHandlersAndRemoteImagesAndGivesReadableText() throws Exception {
        InboundMessage in = parser.parse(fixture("html-with-script.eml"), files);

        assertThat(in.html())
                .contains("<b>error 500</b>", "href=\"https://tienda.example/carrito\"", "página")
                .doesNotContainIgnoringCase("script")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onload")
                .doesNotContainIgnoringCase("<img")
                .doesNotContain("tracker.example", "evil.example", "color: red");
        assertThat(in.text())
                .isEqualTo("Buenas tardes:\n\nAl pagar con tarjeta la página da error 500.\n\nMi carrito\n\n"
                                .replace("\n\n", "\n")
                        + "- Tarjeta Visa\n- Navegador Firefox\nUn saludo,\nJordi");
        assertThat(in.automated()).isFalse();
    }

    @Test
    void attachmentsAndInlineImagesAreStoredAndThePlainPartIsTheText() throws Exception {
        InboundMessage in = parser.parse(fixture("multipart-attachment.eml"), files);

        assertThat(in.text()).isEqualTo("Adjunto la factura. El producto llegó roto (ver foto).");
        assertThat(in.html()).contains("<i>roto</i>").doesNotContain("cid:");
        assertThat(in.attachments())
                .extracting(StoredFile::fileName, StoredFile::contentType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("image-1.png", "image/png"),
                        org.assertj.core.groups.Tuple.tuple("factura-10236.pdf", "application/pdf"));
        assertThat(new String(files.content(in.attachments().get(1)), StandardCharsets.US_ASCII))
                .startsWith("%PDF-1.4");
        assertThat(files.content(in.attachments().get(0))).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void anAttachmentAboveTheLimitIsOmittedWithANote() throws Exception {
        MemoryFiles tiny = new MemoryFiles(40);

        InboundMessage in = parser.parse(fixture("multipart-attachment.eml"), tiny);

        assertThat(in.attachments()).extracting(StoredFile::fileName).containsExactly("image-1.png");
        assertThat(in.text())
                .startsWith("Adjunto la factura.")
                .endsWith("[attachment factura-10236.pdf omitted: larger than 40 bytes]");
    }

    @Test
    void theNoteGivesTheLimitInMegabytes() throws Exception {
        MemoryFiles twoMegabytes = new MemoryFiles(2 * 1024 * 1024) {
            @Override
            public StoredFile store(String fileName, String contentType, InputStream in) throws IOException {
                throw new FileStore.TooLargeException(maxBytes());
            }
        };

        InboundMessage in = parser.parse(fixture("multipart-attachment.eml"), twoMegabytes);

        assertThat(in.attachments()).isEmpty();
        assertThat(in.text()).contains("[attachment factura-10236.pdf omitted: larger than 2 MB]");
    }

    @Test
    void replyListsReferencesOldestFirstWithTheAnsweredMessageLast() throws Exception {
        InboundMessage in = parser.parse(fixture("reply.eml"), files);

        assertThat(in.references())
                .containsExactly(
                        "<CAF3x9kq7Lm2@mail.example.org>", "<0b1c2d3e-0000-4000-8000-000000000001@tienda.example>");
        assertThat(in.subject()).isEqualTo("Re: ¿Dónde está mi pedido? [#ATL-7K2M9Q]");
        assertThat(in.text()).startsWith("Perfecto, muchas gracias.").contains("> Tu pedido sale hoy.");
    }

    @Test
    void inReplyToMovesToTheEndWhenReferencesListItEarlier() throws Exception {
        MimeMessage message = message("""
                From: a@example.org
                Subject: x
                Message-ID: <own@example.org>
                In-Reply-To: <first@example.org>
                References: <first@example.org> <second@example.org>, <own@example.org>

                body
                """);

        assertThat(MessageIds.references(message, "<own@example.org>"))
                .containsExactly("<second@example.org>", "<first@example.org>");
    }

    @Test
    void messageWithoutMessageIdGetsAStableSyntheticId() throws Exception {
        String first = parser.parse(fixture("no-message-id.eml"), files).providerMessageId();
        String again = parser.parse(fixture("no-message-id.eml"), files).providerMessageId();
        String otherBody = parser.providerMessageId(message(
                new String(bytes("no-message-id.eml"), StandardCharsets.UTF_8).replace("Canarias", "Baleares")));

        assertThat(first)
                .matches("<[0-9a-f]{64}@synthetic\\.atalaya\\.invalid>")
                .isEqualTo(again);
        assertThat(otherBody).isNotEqualTo(first);
        assertThat(parser.parse(fixture("no-message-id.eml"), files).sender().address())
                .isEqualTo("formulario@example.com");
    }

    @Test
    void outOfOfficeReplyIsAutomated() throws Exception {
        InboundMessage in = parser.parse(fixture("out-of-office.eml"), files);

        assertThat(in.automated()).isTrue();
        assertThat(in.references()).containsExactly("<6f2a9a10-0000-4000-8000-000000000002@tienda.example>");
    }

    @Test
    void bounceIsAutomatedAndKeepsTheHumanReadableReport() throws Exception {
        InboundMessage in = parser.parse(fixture("bounce.eml"), files);

        assertThat(in.automated()).isTrue();
        assertThat(in.sender().address()).isEqualTo("MAILER-DAEMON@mx.tienda.example");
        assertThat(in.text()).contains("550 5.1.1", "User unknown");
        assertThat(in.attachments())
                .extracting(StoredFile::contentType)
                .containsExactly("message/delivery-status", "text/rfc822-headers");
    }

    @ParameterizedTest(name = "{0}: {1} -> automated={2}")
    @CsvSource({
        "Auto-Submitted, auto-generated, true",
        "Auto-Submitted, no, false",
        "Auto-Submitted, no (a person wrote this), false",
        "Precedence, bulk, true",
        "Precedence, junk, true",
        "Precedence, list, true",
        "Precedence, auto_reply, true",
        "Precedence, first-class, false",
        "X-Autoreply, yes, true",
        "X-Autorespond, yes, true",
        "X-Auto-Response-Suppress, 'DR, OOF, AutoReply', true",
        "X-Auto-Response-Suppress, All, true",
        "X-Auto-Response-Suppress, DR, false",
        "Return-Path, <>, true",
        "Return-Path, <lucia@example.org>, false",
        "X-Mailer, Thunderbird, false"
    })
    void machineHeadersMarkAMessageAutomated(String header, String value, boolean automated) throws Exception {
        MimeMessage message =
                message("From: lucia@example.org\nSubject: hola\n" + header + ": " + value + "\n\nhola\n");

        assertThat(parser.parse(message, files).automated()).isEqualTo(automated);
    }

    @ParameterizedTest
    @CsvSource({"mailer-daemon@example.org, true", "Postmaster@example.org, true", "lucia@example.org, false"})
    void machineSendersAreAutomated(String from, boolean automated) throws Exception {
        assertThat(parser.parse(message("From: " + from + "\nSubject: x\n\nbody\n"), files)
                        .automated())
                .isEqualTo(automated);
    }

    @Test
    void readReceiptReportIsAutomated() throws Exception {
        MimeMessage message = message("""
                From: lucia@example.org
                Subject: Leído: tu pedido
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification; boundary="b"

                --b
                Content-Type: text/plain

                Your message was read.
                --b--
                """);

        assertThat(parser.parse(message, files).automated()).isTrue();
    }

    @Test
    void unknownCharsetIsReadAsUtf8InsteadOfFailing() throws Exception {
        MimeMessage message =
                message("From: a@example.org\nSubject: x\nContent-Type: text/plain; charset=x-unknown-42\n\nSeñal\n");

        assertThat(parser.parse(message, files).text()).isEqualTo("Señal");
    }

    @Test
    void unreadableMessageIsKeptWithTheOriginalAttached() throws Exception {
        MimeMessage message = fixture("plain.eml");

        InboundMessage in = parser.unreadable(message, files);

        assertThat(in.providerMessageId()).isEqualTo("<CAF3x9kq7Lm2@mail.example.org>");
        assertThat(in.text()).contains("could not be read");
        assertThat(in.attachments()).extracting(StoredFile::fileName).containsExactly("original.eml");
        assertThat(new String(files.content(in.attachments().getFirst()), StandardCharsets.UTF_8))
                .contains("Message-ID: <CAF3x9kq7Lm2@mail.example.org>");
    }

    private static MimeMessage fixture(String name) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes(name)));
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = EmailParserTest.class.getResourceAsStream("/email/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static MimeMessage message(String source) throws Exception {
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)));
    }

    /** Stores attachments in memory, with FileStore's size limit. */
    static class MemoryFiles implements EmailParser.Attachments {

        private final long maxBytes;
        private final Map<UUID, byte[]> stored = new LinkedHashMap<>();

        MemoryFiles(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public StoredFile store(String fileName, String contentType, InputStream in) throws IOException {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new FileStore.TooLargeException(maxBytes);
            }
            UUID id = UUID.randomUUID();
            stored.put(id, bytes);
            return new StoredFile(id, fileName, contentType, bytes.length);
        }

        @Override
        public long maxBytes() {
            return maxBytes;
        }

        byte[] content(StoredFile file) {
            return stored.get(file.id());
        }
    }
}
