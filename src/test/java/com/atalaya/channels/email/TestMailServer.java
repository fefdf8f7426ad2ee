package com.atalaya.channels.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A GreenMail server on free ports with the shop's mailbox (IMAP and SMTP) and a customer's,
 * plus helpers to deliver mail to the shop the way a remote server would.
 */
final class TestMailServer implements AutoCloseable {

    static final String SHOP = "shop@example.com";
    static final String PASSWORD = "s3cret-mailbox";
    static final String CUSTOMER = "customer@example.org";

    final GreenMail greenMail;

    TestMailServer() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        greenMail.setUser(SHOP, SHOP, PASSWORD);
        greenMail.setUser(CUSTOMER, CUSTOMER, "customer-password");
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * Settings of a connection to the shop's mailbox. The long poll interval means that mail
     * arriving within seconds proves IMAP IDLE works.
     */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("imapHost", "127.0.0.1");
        settings.put("imapPort", String.valueOf(imapPort()));
        settings.put("imapSecurity", "NONE");
        settings.put("imapUser", SHOP);
        settings.put("imapPassword", PASSWORD);
        settings.put("imapFolder", "INBOX");
        settings.put("smtpHost", "127.0.0.1");
        settings.put("smtpPort", String.valueOf(smtpPort()));
        settings.put("smtpSecurity", "NONE");
        settings.put("fromAddress", SHOP);
        settings.put("fromName", "Atención al cliente");
        settings.put("pollSeconds", "600");
        return settings;
    }

    /** A customer's message to the shop. */
    MimeMessage mail(String messageId, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                if (messageId != null) {
                    setHeader("Message-ID", messageId);
                } else {
                    removeHeader("Message-ID");
                }
            }
        };
        message.setFrom(new InternetAddress(CUSTOMER, "Lucía Martín", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(SHOP));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setText(text, "UTF-8");
        return message;
    }

    /** Puts a message into the shop's inbox, as its mail server does on delivery. */
    void deliverToShop(MimeMessage message) throws Exception {
        message.saveChanges();
        greenMail.getUserManager().getUser(SHOP).deliver(message);
    }

    /** What arrived in the customer's mailbox (Atalaya's replies). */
    List<MimeMessage> customerMailbox() {
        return Arrays.asList(greenMail.getReceivedMessagesForDomain("example.org"));
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
