package dev.weft.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Scans all of dev.weft: the infrastructure module is on the runtime classpath only. */
@SpringBootApplication(scanBasePackages = "dev.weft")
public class WeftApplication {
    public static void main(String[] args) {
        SpringApplication.run(WeftApplication.class, args);
    }
}
