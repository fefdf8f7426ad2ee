package com.atalaya.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.channels.DeliveryException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebchatSettingsTest {

    @Test
    void hexColoursOnly() {
        assertThat(WebchatSettings.isHexColour("#0f766e")).isTrue();
        assertThat(WebchatSettings.isHexColour("#ABC")).isTrue();
        assertThat(WebchatSettings.isHexColour("0f766e")).isFalse();
        assertThat(WebchatSettings.isHexColour("#0f766")).isFalse();
        assertThat(WebchatSettings.isHexColour("#0f766e;}body{")).isFalse();
        assertThat(WebchatSettings.isHexColour("red")).isFalse();
        assertThat(WebchatSettings.isHexColour(null)).isFalse();
    }

    @Test
    void missingOrUnusableSettingsFallBackToDefaults() {
        WebchatSettings settings = WebchatSettings.of(Map.of("accentColor", "javascript:1", "title", " "), "Mi tienda");

        assertThat(settings.title()).isEqualTo("Mi tienda");
        assertThat(settings.greeting()).isEqualTo(WebchatSettings.DEFAULT_GREETING);
        assertThat(settings.hasDefaultGreeting()).isTrue();
        assertThat(settings.accentColor()).isEqualTo("#0f766e");
    }

    @Test
    void configuredSettingsAreUsed() {
        WebchatSettings settings = WebchatSettings.of(
                Map.of("accentColor", "#1D4ED8", "title", "Soporte", "greeting", "¡Buenas!"), "Mi tienda");

        assertThat(settings).isEqualTo(new WebchatSettings("Soporte", "¡Buenas!", "#1d4ed8"));
        assertThat(settings.hasDefaultGreeting()).isFalse();
    }

    @Test
    void textOnTheAccentIsWhiteOnDarkColoursAndDarkOnLightOnes() {
        assertThat(WebchatPages.onAccent("#0f766e")).isEqualTo("#ffffff");
        assertThat(WebchatPages.onAccent("#1d4ed8")).isEqualTo("#ffffff");
        assertThat(WebchatPages.onAccent("#fde047")).isEqualTo("#111827");
        assertThat(WebchatPages.onAccent("#fff")).isEqualTo("#111827");
    }

    @Test
    void theChannelChecksTheAccentColourTitleAndGreeting() throws DeliveryException {
        WebchatChannel channel = new WebchatChannel(null);

        channel.check(Map.of("accentColor", "#123abc", "title", "Soporte"));
        assertThatThrownBy(() -> channel.check(Map.of("accentColor", "blue")))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.isPermanent()).isTrue());
        assertThatThrownBy(() -> channel.check(Map.of("title", "t".repeat(81)))).isInstanceOf(DeliveryException.class);
        assertThatThrownBy(() -> channel.check(Map.of("greeting", "g".repeat(501))))
                .isInstanceOf(DeliveryException.class);
    }

    @Test
    void theChannelExistsOncePerWorkspaceWithItsSettings() {
        var descriptor = new WebchatChannel(null).descriptor();

        assertThat(descriptor.type()).isEqualTo("webchat");
        assertThat(descriptor.onePerWorkspace()).isTrue();
        assertThat(descriptor.settings())
                .extracting(f -> f.name())
                .containsExactlyInAnyOrder("title", "greeting", "accentColor");
    }
}
