package com.atalaya.service;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgentPresences extends JpaRepository<AgentPresence, UUID> {}
