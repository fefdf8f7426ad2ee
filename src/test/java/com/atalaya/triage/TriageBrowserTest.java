package com.atalaya.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.BrowserTest;
import com.atalaya.Conversations;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.triage.engine.Intent;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An agent sees what triage found under a customer's message, corrects it in one click, picks a
 * suggested reply and is warned about its tone, in Chromium.
 */
class TriageBrowserTest extends BrowserTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    MessageTriages triages;

    @Test
    void theAgentSeesTheLabelsCorrectsThemAndGetsReplyHelp() {
        var shop = workspaces.create("Moda Lucía");
        Conversations.submitContactForm(
                http(),
                shop.slug(),
                "Lucía Pérez",
                "lucia@example.com",
                "Mi pedido #48213 todavía no ha llegado y llevo dos semanas esperando. Nadie me contesta!!");
        Conversations.submitContactForm(
                http(), shop.slug(), "Jordi", "jordi@example.com", "¿Hacéis envíos a Canarias? ¿Cuánto tarda?");
        signIn(shop.email());
        open("/w/" + shop.slug() + "/inbox?sort=priority");
        waitUpTo(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector(".conv")).size() == 2);
        waitUpTo(Duration.ofSeconds(30)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector(".conv")).getText().contains("Lucía");
        });
        driver.findElement(By.cssSelector(".conv")).click();

        WebElement chips = waitUpTo(Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".triage-chips")));
        assertThat(chips.getText()).contains("ES").contains("Negativo");
        assertThat(chips.getText()).containsAnyOf("Entrega con retraso", "Queja del servicio");

        driver.findElement(By.cssSelector(".triage-why summary")).click();
        assertThat(driver.findElement(By.cssSelector(".triage-why dl")).getText())
                .contains("Intención");
        new Select(driver.findElement(By.cssSelector("select.triage-intent"))).selectByValue("service_complaint");
        waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".triage-chips"), "Queja del servicio ✓"));
        assertThat(triages.findAll().stream()
                        .filter(t -> t.getWorkspaceId().equals(shop.id()) && t.intentCorrected())
                        .map(MessageTriage::intent))
                .containsExactly(Intent.SERVICE_COMPLAINT);

        driver.findElement(By.cssSelector(".suggestions summary")).click();
        WebElement suggestion = waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".use-reply")));
        assertThat(suggestion.getText()).containsAnyOf("Entrega con retraso", "Queja del servicio");
        suggestion.click();
        String draft = driver.findElement(By.id("reply-text")).getAttribute("value");
        assertThat(draft).startsWith("Hola, Lucía:").doesNotContain("{{customer.firstName}}");
        if (draft.contains("{{")) {
            waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tone"), "{{"));
        }
        screenshot("triage-conversation");

        WebElement reply = driver.findElement(By.id("reply-text"));
        reply.clear();
        reply.sendKeys("ES CULPA SUYA POR NO LEER LAS CONDICIONES!!!");
        waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tone"), "culpar"));
        String warnings = driver.findElement(By.cssSelector(".tone")).getText();
        assertThat(warnings).contains("mayúsculas").contains("exclamación").contains("disculpas");
        screenshot("triage-tone-check");

        open("/w/" + shop.slug() + "/settings/triage");
        assertThat(driver.findElement(By.id("corrections-count")).getText()).isEqualTo("1");
        screenshot("triage-settings");
    }
}
