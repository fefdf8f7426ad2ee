package com.atalaya.channels.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** The HTML of a received mail, made safe to show and read as plain text. */
final class MailHtml {

    /** No scripts, event handlers, forms or images (remote images would tell the sender the mail was read). */
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder().allowElements("hr", "pre", "br").toFactory());

    private MailHtml() {}

    /** The HTML with only formatting, blocks, links, tables and styles left; null when nothing is. */
    static String sanitize(String html) {
        String safe = POLICY.sanitize(html);
        return safe.isBlank() ? null : safe;
    }

    /** The text a reader sees: one line per block, list items as "- ", no scripts or styles. */
    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            String words = text.text();
                            if (!words.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n')) {
                                out.append(words);
                            }
                        } else if (node instanceof Element element) {
                            if (element.nameIs("br")) {
                                out.append('\n');
                            } else if (element.isBlock()) {
                                newLine(out);
                                if (element.nameIs("li")) {
                                    out.append("- ");
                                }
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element && element.isBlock()) {
                            newLine(out);
                        }
                    }
                },
                doc.body());
        return out.toString()
                .lines()
                .map(String::strip)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
