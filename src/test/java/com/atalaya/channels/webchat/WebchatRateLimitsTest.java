package com.atalaya.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.channels.RateLimits;
import com.atalaya.channels.webchat.WebchatRateLimits.Action;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class WebchatRateLimitsTest {

    @Test
    void bucketsAllowTheirCapacityThenSayHowLongToWait() {
        RateLimits buckets = new RateLimits(3, Duration.ofMinutes(1));

        assertThat(buckets.tryTake("1.2.3.4")).isEmpty();
        assertThat(buckets.tryTake("1.2.3.4")).isEmpty();
        assertThat(buckets.tryTake("1.2.3.4")).isEmpty();
        var refused = buckets.tryTake("1.2.3.4");

        assertThat(refused).isPresent();
        assertThat(refused.getAsLong()).isBetween(1L, 20L);
        assertThat(buckets.tryTake("5.6.7.8"))
                .as("another client has its own bucket")
                .isEmpty();
    }

    @Test
    void bucketsNeedAPositiveLimit() {
        assertThatThrownBy(() -> new RateLimits(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimits(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachActionHasItsOwnLimitPerClientAndWidget() {
        WebchatRateLimits limits =
                new WebchatRateLimits(1, Duration.ofHours(1), 2, Duration.ofHours(1), 1, Duration.ofHours(1));

        limits.take(Action.SESSION, "10.0.0.1", "tienda");
        limits.take(Action.MESSAGE, "10.0.0.1", "tienda");
        limits.take(Action.MESSAGE, "10.0.0.1", "tienda");
        limits.take(Action.OFFLINE_MESSAGE, "10.0.0.1", "tienda");
        limits.take(Action.SESSION, "10.0.0.2", "tienda");
        limits.take(Action.SESSION, "10.0.0.1", "otra-tienda");

        for (Action action : Action.values()) {
            assertThatThrownBy(() -> limits.take(action, "10.0.0.1", "tienda"))
                    .as(action.name())
                    .isInstanceOfSatisfying(WebchatProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                        assertThat(p.retryAfterSeconds()).isPositive();
                        assertThat(p.args()).containsExactly(p.retryAfterSeconds());
                    });
        }
    }
}
