package com.atalaya.channels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.BrowserTest;
import com.atalaya.channels.PipelineFixtures;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.identity.TestWorkspaces.Tenant;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class PipelineBrowserTest extends BrowserTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theOperatorSeesAFailingMessageRetriesItAndFindsItStillListed() {
        Tenant shop = workspaces.create("Tienda");
        jdbc.update(
                "update user_accounts set operator = true where id = ?",
                shop.admin().id());
        PipelineFixtures.queueUnreadableMessage(jdbc, shop);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from inbound_queue where workspace_id = ? and attempts > 0",
                                Long.class,
                                shop.id())
                        == 1);
        try {
            signIn(shop.email());
            open("/w/" + shop.slug() + "/settings/channels");
            driver.findElement(By.linkText("Canal de mensajes")).click();

            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Canal de mensajes");
            assertThat(driver.findElement(By.id("pipeline-failing")).getText()).isNotEqualTo("0");
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains(shop.id().toString())
                    .doesNotContain("??");
            driver.findElement(By.xpath("//button[text()='Reintentar ahora']")).click();
            assertThat(driver.findElement(By.cssSelector(".alert-ok")).getText())
                    .startsWith("Mensajes que se reintentan ahora:");
            // Still unreadable: it stays listed, with its attempts counted, never silently dropped.
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains(shop.id().toString());
            screenshot("pipeline");
        } finally {
            jdbc.update(
                    "update user_accounts set operator = false where id = ?",
                    shop.admin().id());
            jdbc.update("delete from inbound_queue where workspace_id = ?", shop.id());
        }
    }
}
