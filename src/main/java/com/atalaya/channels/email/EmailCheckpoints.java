package com.atalaya.channels.email;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmailCheckpoints extends JpaRepository<EmailCheckpoint, UUID> {}
