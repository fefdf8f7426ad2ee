package com.atalaya.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atalaya.IntegrationTest;
import com.atalaya.UiSession;
import com.atalaya.identity.TestWorkspaces;
import com.atalaya.identity.TestWorkspaces.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"atalaya.webchat.limits.messages=1000", "atalaya.webchat.limits.sessions=1000"})
class InboundPipelineIntegrationTest extends IntegrationTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ChannelConnections connections;

    @Autowired
    ReceivingMessages receiving;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    InboundPipeline pipeline;

    @Test
    void fiftySimultaneousMessagesOfANewCustomerGiveOneContactOneConversationEachMessageOnceInOrder(
            CapturedOutput output) throws Exception {
        Tenant shop = workspaces.create("Tienda");
        String token = openSession(shop.slug());
        int count = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                String text = "Mensaje " + i;
                answers.add(clients.submit(() -> {
                    start.await();
                    return post(shop.slug(), token, text);
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from messages where workspace_id = ? and kind = 'INBOUND'", shop)
                        == count);
        assertThat(count("select count(*) from contacts where workspace_id = ?", shop))
                .isEqualTo(1);
        assertThat(count("select count(*) from conversations where workspace_id = ?", shop))
                .isEqualTo(1);
        assertThat(count("select count(distinct provider_message_id) from messages where workspace_id = ?", shop))
                .isEqualTo(count);
        // The conversation reads as the visitor's transcript does: in the order the messages were accepted.
        List<String> transcript = jdbc.queryForList(
                "select l.body from webchat_lines l join webchat_visitors v on v.id = l.visitor_id"
                        + " where v.workspace_id = ? order by l.created_at, l.id",
                String.class,
                shop.id());
        List<String> conversation = jdbc.queryForList(
                "select body_text from messages where workspace_id = ? order by created_at, id",
                String.class,
                shop.id());
        assertThat(conversation).containsExactlyElementsOf(transcript);
        assertThat(count("select count(*) from message_triage where workspace_id = ?", shop))
                .isEqualTo(count);
        assertThat(count("select count(*) from inbound_queue where workspace_id = ?", shop))
                .isZero();
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContainIgnoringCase("duplicate key");
    }

    @Test
    void aMessageThatCannotReachTheInboxIsRetriedAndHoldsUpNoOther(CapturedOutput output) {
        Tenant shop = workspaces.create("Tienda");
        String first = openSession(shop.slug());
        String second = openSession(shop.slug());
        assertThat(post(shop.slug(), first, "Hola")).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from messages where workspace_id = ?", shop) == 1);
        PipelineFixtures.queueUnreadableMessage(jdbc, shop);

        assertThat(post(shop.slug(), second, "Otra consulta")).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from messages where workspace_id = ?", shop) == 2);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        count("select count(*) from inbound_queue where workspace_id = ? and attempts > 0", shop) == 1);
        assertThat(jdbc.queryForObject(
                        "select last_error from inbound_queue where workspace_id = ?", String.class, shop.id()))
                .isNotBlank();
        assertThat(output.getAll()).contains("could not reach the inbox (attempt 1)");

        // The operator sees it on the pipeline page and can retry it; nobody else sees the page.
        UiSession agentView = UiSession.of(port, shop.email(), TestWorkspaces.PASSWORD);
        assertThat(agentView.status("/w/" + shop.slug() + "/settings/pipeline")).isEqualTo(403);
        jdbc.update(
                "update user_accounts set operator = true where id = ?",
                shop.admin().id());
        UiSession operator = UiSession.of(port, shop.email(), TestWorkspaces.PASSWORD);
        String page = operator.get("/w/" + shop.slug() + "/settings/pipeline");
        assertThat(page)
                .contains("Canal de mensajes")
                .contains("Reintentar ahora")
                .doesNotContain("??");
        assertThat(page).contains(shop.id().toString());
        assertThat(operator.post("/w/" + shop.slug() + "/settings/pipeline/retry", ""))
                .isEqualTo(302);
        jdbc.update(
                "update user_accounts set operator = false where id = ?",
                shop.admin().id());
    }

    @Test
    void someoneQuotingAConversationsReferenceThreadsInFlaggedAndRepliesStillGoToTheContact() {
        Tenant shop = workspaces.create("Tienda");
        ChannelConnection form = connections.first(shop.id(), "contact-form").orElseThrow();
        receiving.receive(form, mail("ana@example.com", "Ana", "Pedido 4821", "¿Dónde está mi pedido?"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from messages where workspace_id = ?", shop) == 1);
        String reference = jdbc.queryForObject(
                "select reference_token from conversations where workspace_id = ?", String.class, shop.id());

        receiving.receive(
                form, mail("mallory@example.net", "Mallory", "Re: Pedido 4821 [#" + reference + "]", "Enviadlo aquí"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from messages where workspace_id = ?", shop) == 2);
        assertThat(count("select count(*) from conversations where workspace_id = ?", shop))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select reply_to_address from conversations where workspace_id = ?", String.class, shop.id()))
                .isEqualTo("ana@example.com");
        assertThat(jdbc.queryForList(
                        "select from_other_sender from messages where workspace_id = ? order by created_at",
                        Boolean.class,
                        shop.id()))
                .containsExactly(false, true);
    }

    /**
     * Accepted in one transaction, so one lane batch takes them together: a message of an existing
     * thread, then a new sender's message and a reply to it, threaded from what the batch itself
     * created, and written parents first.
     */
    @Test
    void oneBatchThreadsItsMessagesByWhatItCreatedItself(CapturedOutput output) {
        Tenant shop = workspaces.create("Tienda");
        ChannelConnection form = connections.first(shop.id(), "contact-form").orElseThrow();
        // A second sender in the same lane as the first, so that one batch holds both.
        Party eva = new Party(IdentityKind.EMAIL, "eva@example.com", "Eva");
        String luis = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> "luis" + i + "@example.com")
                .filter(a -> pipeline.laneOf(shop.id(), new Party(IdentityKind.EMAIL, a, null))
                        == pipeline.laneOf(shop.id(), eva))
                .findFirst()
                .orElseThrow();
        InboundMessage first = mail(luis, "Luis", "Devolución", "Quiero devolver las zapatillas");
        InboundMessage reply = inbound(
                new Party(IdentityKind.EMAIL, luis.toUpperCase(java.util.Locale.ROOT), "Luis"),
                "Re: Devolución",
                "Son la talla 42, pedido 1234",
                List.of(first.providerMessageId()),
                null);
        InboundMessage keyed = inbound(eva, null, "Hola", List.of(), "hilo-eva");
        InboundMessage keyedAgain = inbound(eva, null, "¿Seguís ahí?", List.of(), "hilo-eva");
        assertThat(receiving.receive(form, keyed)).isPresent();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from message_triage where workspace_id = ?", shop) == 1);
        // An existing conversation's message first: its row comes before the new conversation's.
        transactions.executeWithoutResult(s -> List.of(keyedAgain, first, reply)
                .forEach(m -> assertThat(receiving.receive(form, m)).isPresent()));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from message_triage where workspace_id = ?", shop) == 4);
        assertThat(count("select count(*) from contacts where workspace_id = ?", shop))
                .isEqualTo(2);
        assertThat(count("select count(*) from contact_identities where workspace_id = ?", shop))
                .isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "select count(*) from messages where workspace_id = ? group by conversation_id order by 1",
                        Long.class,
                        shop.id()))
                .containsExactly(2L, 2L);
        assertThat(count("select count(*) from notifications where workspace_id = ?", shop))
                .as("one notification per message for the workspace's admin")
                .isEqualTo(4);
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("retried one by one");
    }

    private static InboundMessage mail(String address, String name, String subject, String text) {
        return inbound(new Party(IdentityKind.EMAIL, address, name), subject, text, List.of(), null);
    }

    private static InboundMessage inbound(
            Party sender, String subject, String text, List<String> references, String threadKey) {
        return new InboundMessage(
                UUID.randomUUID().toString(),
                sender,
                subject,
                text,
                null,
                references,
                threadKey,
                List.of(),
                java.time.Instant.now(),
                false);
    }

    private long count(String sql, Tenant tenant) {
        return jdbc.queryForObject(sql, Long.class, tenant.id());
    }

    @SuppressWarnings("unchecked")
    private String openSession(String slug) {
        Map<String, Object> body = http().post()
                .uri("/widget/{slug}/api/sessions", slug)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Marta"))
                .retrieve()
                .body(Map.class);
        return (String) body.get("token");
    }

    private int post(String slug, String token, String text) {
        return http().post()
                .uri("/widget/{slug}/api/messages", slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", text))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }
}
