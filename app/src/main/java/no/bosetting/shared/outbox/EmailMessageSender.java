package no.bosetting.shared.outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

/**
 * Delivers the e-mail copies of notifications over SMTP (the local GreenMail server in the demo
 * profile and the tests, the configured {@code spring.mail.*} server in production). The recipient of
 * an {@value #TOPIC} message is the e-mail address; the text is Norwegian and links to the page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmailMessageSender implements MessageSender {

    public static final String TOPIC = "EMAIL";

    private final ObjectProvider<MailSender> mail;
    private final String baseUrl;
    private final String from;

    public EmailMessageSender(ObjectProvider<MailSender> mail, @Value("${bosetting.base-url:http://localhost:8080}") String baseUrl,
                              @Value("${bosetting.mail.from:varsel@bosetting.test}") String from) {
        this.mail = mail;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.from = from;
    }

    @Override
    public boolean handles(String topic) {
        return TOPIC.equals(topic);
    }

    @Override
    public void send(OutboxMessage message) {
        MailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No mail server configured (spring.mail.host)");
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(from);
        email.setTo(message.recipient());
        email.setSubject("Bosetting: " + message.subject());
        email.setText(text(message));
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
