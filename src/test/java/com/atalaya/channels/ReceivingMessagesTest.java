package com.atalaya.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReceivingMessagesTest {

    private static final UUID WORKSPACE = UUID.fromString("6f1c2b9e-0d4a-4f3e-9a57-1b2c3d4e5f60");

    @Test
    void aSendersLaneIsTheSameInEveryProcessWhateverTheCaseOrSpacesOfTheAddress() {
        // A fixed number: the lane must not depend on anything that differs between JVMs or nodes.
        int lane = ReceivingMessages.lane(WORKSPACE, new Party(IdentityKind.EMAIL, "ana@example.com", "Ana"), 64);
        assertThat(lane)
                .isEqualTo(
                        Math.floorMod(("6f1c2b9e-0d4a-4f3e-9a57-1b2c3d4e5f60/EMAIL/ana@example.com").hashCode(), 64));
        assertThat(ReceivingMessages.lane(WORKSPACE, new Party(IdentityKind.EMAIL, " Ana@Example.com ", null), 64))
                .isEqualTo(lane);
    }

    @Test
    void lanesSpreadSendersOverEveryLane() {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            used.add(ReceivingMessages.lane(WORKSPACE, new Party(IdentityKind.CHAT_VISITOR, "visitor-" + i, null), 4));
        }
        assertThat(used).containsExactlyInAnyOrder(0, 1, 2, 3);
    }
}
