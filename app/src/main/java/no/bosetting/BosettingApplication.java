package no.bosetting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BosettingApplication {
    public static void main(String[] args) {
        SpringApplication.run(BosettingApplication.class, args);
    }
}
