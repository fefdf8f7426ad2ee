package com.atalaya.channels.email;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atalaya.channels.FileStore;
import com.atalaya.channels.InboundMessage;
import com.atalaya.channels.ReceivingMessages;
import com.atalaya.channels.StoredFile;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ImportingMail} with the receipts, the checkpoint and the files in memory: the e-mail
 * adapter on its own, without the database or the inbox behind it.
 */
final class InMemoryImport {

    final List<InboundMessage> handedOver = Collections.synchronizedList(new ArrayList<>());
    final Map<UUID, EmailCheckpoint> checkpoints = new ConcurrentHashMap<>();
    final AtomicInteger checkpointWrites = new AtomicInteger();
    final List<String> storedFiles = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    final ImportingMail importer;

    InMemoryImport() throws java.io.IOException {
        ReceivingMessages receiving = mock(ReceivingMessages.class);
        when(receiving.alreadyReceived(any(), anyString())).thenAnswer(call -> received.contains(call.getArgument(1)));
        when(receiving.receive(any(), any())).thenAnswer(call -> {
            InboundMessage message = call.getArgument(1);
            if (!received.add(message.providerMessageId())) {
                return Optional.empty();
            }
            handedOver.add(message);
            return Optional.of(UUID.randomUUID());
        });
        EmailCheckpoints store = mock(EmailCheckpoints.class);
        when(store.findById(any())).thenAnswer(call -> Optional.ofNullable(checkpoints.get(call.getArgument(0))));
        when(store.save(any())).thenAnswer(call -> {
            EmailCheckpoint checkpoint = call.getArgument(0);
            checkpointWrites.incrementAndGet();
            checkpoints.put(checkpoint.getConnectionId(), checkpoint);
            return checkpoint;
        });
        FileStore files = mock(FileStore.class);
        when(files.maxBytes()).thenReturn(25L * 1024 * 1024);
        when(files.store(any(), anyString(), anyString(), any())).thenAnswer(call -> {
            long size = ((InputStream) call.getArgument(3)).transferTo(OutputStream.nullOutputStream());
            storedFiles.add(call.getArgument(1) + ":" + size);
            return new StoredFile(UUID.randomUUID(), call.getArgument(1), call.getArgument(2), size);
        });
        PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        importer =
                new ImportingMail(receiving, files, store, new TransactionTemplate(transactions), Duration.ofDays(7));
    }
}
