package com.atalaya.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.BrowserTest;
import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.IdentityKind;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.identity.TestWorkspaces.Tenant;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.ConversationQuery;
import com.atalaya.inbox.WorkingConversations;
import com.atalaya.service.Presence;
import com.atalaya.service.PresenceStatus;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The widget embedded in a customer's page served from another origin, as a visitor uses it in
 * Chromium, with the agent's side driven through the inbox.
 */
class WebchatBrowserTest extends BrowserTest {

    static final Duration UI = Duration.ofSeconds(15);

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WorkingConversations conversations;

    @Autowired
    Presence presence;

    @Autowired
    ChannelConnections connections;

    @Autowired
    JdbcTemplate jdbc;

    HttpServer customerSite;
    Tenant shop;

    @BeforeEach
    void shopWithItsOwnSite() throws IOException {
        shop = workspaces.create("Tienda Sol");
        ChannelConnection widget = connections.first(shop.id(), "webchat").orElseThrow();
        connections.update(shop.member(), widget.getId(), "webchat", Map.of("title", "Tienda Sol"));
        customerSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        customerSite.createContext("/", exchange -> {
            byte[] page = customerPage().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        customerSite.start();
    }

    @AfterEach
    void closeSite() {
        customerSite.stop(0);
    }

    @Test
    void visitorChatsLiveWithAnAgentAndKeepsTheConversationAfterAReload() {
        WebchatFixtures.agentOnline(presence, shop);
        visitCustomerSite();
        WebElement bubble = waitUpTo(UI).until(d -> bubble());
        assertThat(bubble.isDisplayed()).isTrue();
        screenshot("webchat-1-bubble");

        bubble.click();
        intoFrame();
        waitUpTo(UI).until(ExpectedConditions.attributeToBe(By.id("wc-status"), "data-online", "true"));
        assertThat(driver.findElement(By.id("wc-status")).getText()).contains("En línea");
        String question = "Hola, ¿hacéis envíos a Canarias? <b>urgente</b>";
        driver.findElement(By.id("wc-text")).sendKeys(question, Keys.ENTER);

        WebElement sent = waitUpTo(UI)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("li.wc-from-visitor[data-id]:not([data-state]) .wc-bubble")));
        assertThat(sent.getText()).as("markup is shown as text").isEqualTo(question);
        assertThat(sent.findElements(By.tagName("b"))).isEmpty();
        Conversation conversation = awaitConversation(IdentityKind.CHAT_VISITOR);
        assertThat(conversations.detail(shop.member(), conversation.getId()).messages())
                .extracting(m -> m.getBodyText())
                .containsExactly(question);

        conversations.post(shop.member(), conversation.getId(), "¡Hola! Sí, enviamos a Canarias en 48-72 h.", false);

        waitUpTo(UI)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("wc-transcript"), "enviamos a Canarias en 48-72 h."));
        assertThat(driver.findElements(By.cssSelector("li.wc-from-agent[data-id] .wc-author")))
                .singleElement()
                .extracting(WebElement::getText)
                .isEqualTo(shop.admin().displayName());
        driver.switchTo().defaultContent();
        screenshot("webchat-2-online-chat");

        driver.navigate().refresh();
        intoFrame();
        waitUpTo(UI)
                .until(d ->
                        d.findElements(By.cssSelector("li.wc-line[data-id]")).size() == 2);
        assertThat(driver.findElement(By.id("wc-transcript")).getText())
                .contains("¿hacéis envíos a Canarias?")
                .contains("enviamos a Canarias en 48-72 h.");
        waitUpTo(UI)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("wc-text")))
                .sendKeys("Perfecto, gracias", Keys.ENTER);
        await().atMost(UI)
                .until(() -> conversations
                                .conversation(shop.member(), conversation.getId())
                                .getMessageCount()
                        == 3);
        assertThat(conversations.list(shop.member(), ConversationQuery.all(), 0, 10))
                .singleElement()
                .extracting(Conversation::getId)
                .isEqualTo(conversation.getId());

        // the agent leaves: the open widget stops offering live chat without a reload
        presence.choose(shop.admin().id(), PresenceStatus.OFFLINE);
        WebchatFixtures.ensureOfflineChannel(connections, jdbc, shop);
        waitUpTo(Duration.ofSeconds(25))
                .until(ExpectedConditions.attributeToBe(By.id("wc-status"), "data-online", "false"));
        waitUpTo(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("wc-away")));
        assertThat(driver.findElement(By.id("wc-composer")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("wc-transcript")).getText()).contains("Perfecto, gracias");
        driver.switchTo().defaultContent();
        screenshot("webchat-3-agent-left");
    }

    @Test
    void withNobodyOnlineTheWidgetOffersToLeaveAMessage() {
        WebchatFixtures.ensureOfflineChannel(connections, jdbc, shop);
        visitCustomerSite();
        waitUpTo(UI).until(d -> bubble()).click();
        intoFrame();

        WebElement form = waitUpTo(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("wc-offline-form")));
        assertThat(driver.findElement(By.id("wc-status")).getText()).contains("Ahora no hay nadie disponible");
        assertThat(driver.findElement(By.id("wc-chat")).isDisplayed()).isFalse();
        form.findElement(By.id("wc-offline-name")).sendKeys("Marta Ruiz");
        form.findElement(By.id("wc-offline-email")).sendKeys("marta@example");
        form.findElement(By.id("wc-offline-message")).sendKeys("¿Tenéis la talla 38 en azul?");
        form.findElement(By.id("wc-offline-submit")).click();
        WebElement error = waitUpTo(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("wc-offline-error")));
        assertThat(error.getText()).contains("dirección de e-mail válida");
        form.findElement(By.id("wc-offline-email")).sendKeys(".com");
        driver.switchTo().defaultContent();
        screenshot("webchat-4-offline-form");
        intoFrame();

        driver.findElement(By.id("wc-offline-submit")).click();

        waitUpTo(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("wc-thanks")));
        Conversation conversation = awaitConversation(IdentityKind.EMAIL);
        var detail = conversations.detail(shop.member(), conversation.getId());
        assertThat(detail.identities())
                .singleElement()
                .satisfies(i -> assertThat(i.getAddress()).isEqualTo("marta@example.com"));
        assertThat(detail.contact().getName()).isEqualTo("Marta Ruiz");
        assertThat(detail.messages()).extracting(m -> m.getBodyText()).containsExactly("¿Tenéis la talla 38 en azul?");
        driver.switchTo().defaultContent();
        screenshot("webchat-5-offline-thanks");
    }

    @Test
    void onAPhoneTheOpenChatFillsTheScreen() {
        WebchatFixtures.agentOnline(presence, shop);
        driver.manage().window().setSize(new Dimension(390, 844));
        visitCustomerSite();
        waitUpTo(UI).until(d -> bubble()).click();

        WebElement frame = waitUpTo(UI).until(d -> widget().findElement(By.cssSelector("iframe[data-atalaya=frame]")));
        long viewport =
                (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.innerWidth");
        assertThat((long) frame.getRect().getWidth()).isEqualTo(viewport);
        intoFrame();
        waitUpTo(UI).until(ExpectedConditions.attributeToBe(By.id("wc-status"), "data-online", "true"));
        driver.findElement(By.id("wc-close")).click();
        driver.switchTo().defaultContent();
        waitUpTo(UI).until(d -> bubble().isDisplayed());
        bubble().click();
        intoFrame();
        waitUpTo(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("wc-text")));
        driver.switchTo().defaultContent();
        screenshot("webchat-6-mobile");
    }

    private void visitCustomerSite() {
        driver.get("http://127.0.0.1:" + customerSite.getAddress().getPort() + "/");
    }

    private SearchContext widget() {
        return driver.findElement(By.id("atalaya-webchat-" + shop.slug())).getShadowRoot();
    }

    private WebElement bubble() {
        List<WebElement> hosts = driver.findElements(By.id("atalaya-webchat-" + shop.slug()));
        if (hosts.isEmpty()) {
            return null;
        }
        return hosts.getFirst().getShadowRoot().findElement(By.cssSelector("button[data-atalaya=bubble]"));
    }

    private void intoFrame() {
        driver.switchTo().defaultContent();
        WebElement frame = waitUpTo(UI).until(d -> {
            List<WebElement> hosts = d.findElements(By.id("atalaya-webchat-" + shop.slug()));
            return hosts.isEmpty()
                    ? null
                    : hosts
                            .getFirst()
                            .getShadowRoot()
                            .findElements(By.cssSelector("iframe[data-atalaya=frame]"))
                            .stream()
                            .findFirst()
                            .orElse(null);
        });
        driver.switchTo().frame(frame);
    }

    private Conversation awaitConversation(IdentityKind kind) {
        return await().atMost(UI)
                .until(
                        () -> conversations.list(shop.member(), ConversationQuery.all(), 0, 20).stream()
                                .filter(c -> conversations.detail(shop.member(), c.getId()).identities().stream()
                                        .anyMatch(i -> i.getKind() == kind))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private String customerPage() {
        return """
                <!DOCTYPE html>
                <html lang="es">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Tienda Sol · Moda sostenible</title>
                  <style>
                    body { margin: 0; font-family: Georgia, serif; color: #1f2937; background: #fafaf9; }
                    header { padding: 24px 40px; background: #fff; border-bottom: 1px solid #e7e5e4; font-size: 24px; }
                    main { padding: 40px; max-width: 760px; line-height: 1.6; }
                    button { background: red; border-radius: 0; }
                  </style>
                </head>
                <body>
                  <header>Tienda Sol</header>
                  <main>
                    <h1>Vestidos de lino para el verano</h1>
                    <p>Envíos gratis a partir de 50 €. Cambios y devoluciones en 30 días.</p>
                    <p>¿Dudas con tu talla? Pregúntanos por el chat.</p>
                  </main>
                  <script src="%s/widget.js" data-workspace="%s" async></script>
                </body>
                </html>
                """.formatted(baseUrl(), shop.slug());
    }
}
