package com.atalaya;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class AtalayaApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(AtalayaApplication.class);
        // -Datalaya.startup-steps=jfr records each step of the start as a Flight Recorder event
        // (with -XX:StartFlightRecording; bench/README.md, "Footprint").
        if ("jfr".equals(System.getProperty("atalaya.startup-steps"))) {
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }
}
