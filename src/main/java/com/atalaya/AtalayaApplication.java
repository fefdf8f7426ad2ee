package com.atalaya;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class AtalayaApplication {

    public static void main(String[] args) {
        SpringApplication.run(AtalayaApplication.class, args);
    }
}
