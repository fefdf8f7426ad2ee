package com.atalaya.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atalaya.BrowserTest;
import com.atalaya.Conversations;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.inbox.ConversationStatus;
import com.atalaya.inbox.WorkingConversations;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** An agent works the inbox in Chromium: conversations and notifications arrive without reload. */
class InboxBrowserTest extends BrowserTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

    @Test
    void newConversationsAppearLiveAndTheAgentWorksThem() {
        var shop = workspaces.create("Moda Lucía");
        signIn(shop.email());
        open("/w/" + shop.slug() + "/inbox");
        assertThat(driver.findElement(By.cssSelector(".list .empty")).getText()).contains("No hay conversaciones");

        Conversations.submitContactForm(
                http(), shop.slug(), "Lucía Pérez", "lucia@example.com", "Mi pedido 1234 no ha llegado");
        WebElement item = waitUpTo(Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".conv")));
        assertThat(item.getText()).contains("Lucía Pérez").contains("Mi pedido 1234");
        waitUpTo(Duration.ofSeconds(10))
                .until(d ->
                        !d.findElement(By.cssSelector(".bell .badge")).getText().isBlank());

        item.click();
        waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".thread"), "Mi pedido 1234"));
        assertThat(driver.getCurrentUrl()).contains("c=");

        driver.findElement(By.xpath("//form[contains(@class,'composer')]//label[input[@value='true']]"))
                .click();
        driver.findElement(By.id("reply-text")).sendKeys("Revisar con el transportista");
        driver.findElement(By.cssSelector(".composer button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".thread .msg.note"), "Revisar con el transportista"));

        Conversations.submitContactForm(http(), shop.slug(), "Jordi", "jordi@example.com", "¿Enviáis a Canarias?");
        waitUpTo(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".conv")).size() == 2);
        screenshot("inbox");

        new Select(driver.findElement(By.id("status"))).selectByValue("RESOLVED");
        var id = Conversations.all(conversations, shop.member()).stream()
                .filter(c -> c.getPreview().contains("1234"))
                .findFirst()
                .orElseThrow()
                .getId();
        waitUpTo(Duration.ofSeconds(10))
                .until(d -> conversations.conversation(shop.member(), id).getStatus() == ConversationStatus.RESOLVED);
        waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".conv")).size() == 1);
    }

    @Test
    void theUiSpeaksEnglishOnRequest() {
        var shop = workspaces.create("Moda Lucía");
        signIn(shop.email());
        open("/w/" + shop.slug() + "/inbox?lang=en");
        assertThat(driver.findElement(By.cssSelector(".mainnav")).getText())
                .contains("Inbox")
                .contains("Settings");
        open("/w/" + shop.slug() + "/settings/channels");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Channels");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .as("the embed snippets point at the address the page was opened at")
                .contains(baseUrl() + "/widget.js")
                .contains(baseUrl() + "/forms/" + shop.slug());
        screenshot("settings-channels-en");
    }
}
