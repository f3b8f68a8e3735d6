package no.bosetting.shared.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A local SMTP server (GreenMail) inside the application for the demo profile and the tests, so
 * e-mail is really sent and can be read back without a mail server. Off in production
 * ({@code bosetting.mail.local-server.enabled=false}), where the standard {@code spring.mail.*}
 * properties point at the real server. Port 0 takes any free port (the tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bosetting.mail.local-server.enabled", havingValue = "true", matchIfMissing = true)
class LocalMailServerConfig {

    private static final Logger log = LoggerFactory.getLogger(LocalMailServerConfig.class);

    @Bean(destroyMethod = "stop")
    GreenMail localMailServer(@Value("${bosetting.mail.local-server.port:3025}") int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        log.info("Local mail server (GreenMail) receives e-mail on SMTP port {}", server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSender localMailSender(GreenMail localMailServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(localMailServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
