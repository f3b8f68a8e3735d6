package no.bosetting.shared.outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the e-mail copies of notifications over SMTP (the local GreenMail server in the demo
 * profile and the tests, the configured {@code spring.mail.*} server in production). The recipient of
 * an {@value #TOPIC} message is the e-mail address; the text is Norwegian and links to the page.
 *
 * <p>The e-mail's {@code Message-ID} is made from the outbox message's id ({@link #messageId}), the same on every
 * attempt: the idempotency key of a delivery that is at least once. When a node dies after the SMTP server accepted
 * the e-mail and before the outbox row was marked sent (issue 22 item 5, {@code bin/crash-test}), the retry hands over
 * the same e-mail with the same {@code Message-ID}, so the receiving mail store (or {@code bin/crash-test}'s mailbox)
 * keeps it once. SMTP itself promises no deduplication: a server that ignores the header shows it twice.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmailMessageSender implements MessageSender {

    public static final String TOPIC = "EMAIL";

    private final ObjectProvider<JavaMailSender> mail;
    private final String baseUrl;
    private final String host;
    private final String from;

    public EmailMessageSender(ObjectProvider<JavaMailSender> mail, @Value("${bosetting.base-url:http://localhost:8080}") String baseUrl,
                              @Value("${bosetting.mail.from:varsel@bosetting.test}") String from) {
        this.mail = mail;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.from = from;
        String h = java.net.URI.create(this.baseUrl).getHost();
        this.host = h == null || h.isBlank() ? "bosetting" : h;
    }

    /** The {@code Message-ID} of the e-mail for outbox message {@code outboxId}: the same on every attempt. */
    String messageId(long outboxId) {
        return "<outbox-" + outboxId + "@" + host + ">";
    }

    @Override
    public boolean handles(String topic) {
        return TOPIC.equals(topic);
    }

    @Override
    public void send(OutboxMessage message) throws jakarta.mail.MessagingException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No mail server configured (spring.mail.host)");
        }
        MimeMessage email = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(email, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setSubject("Bosetting: " + message.subject());
        helper.setText(text(message), false);
        // Kept by JavaMailSenderImpl when it saves the message: the idempotency key of this delivery.
        email.setHeader("Message-ID", messageId(message.id()));
        sender.send(email);
    }

    String text(OutboxMessage message) {
        String link = baseUrl + (message.link() == null || message.link().isBlank() ? "/varsler" : message.link());
        return message.subject() + "\n\n" + message.body() + "\n\n"
                + "Åpne i Bosetting: " + link + "\n\n"
                + "Du får denne e-posten fordi du har en bruker i Bosetting. Varselet finnes også under Varsler når du er "
                + "logget inn. Ikke svar på denne e-posten; den sendes automatisk.\n";
    }
}
