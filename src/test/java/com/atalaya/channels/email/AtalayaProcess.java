package com.atalaya.channels.email;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The application as a separate process (the same java, the main classes and their dependencies,
 * not the test classes), so that a test can kill it with SIGKILL or stop it with SIGTERM like an
 * operating system would. Its output goes to a log file.
 */
final class AtalayaProcess {

    final int port;
    final Path log;
    private final Process process;

    private AtalayaProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static AtalayaProcess start(Path dataDir, Path log, String adminEmail, String adminPassword, String... arguments) {
        int port = RealMailServers.freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(List.of(
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                applicationClassPath(),
                "com.atalaya.AtalayaApplication"));
        command.add("--server.port=" + port);
        command.add("--atalaya.data-dir=" + dataDir);
        command.add("--atalaya.admin.email=" + adminEmail);
        command.add("--atalaya.admin.password=" + adminPassword);
        command.addAll(Arrays.asList(arguments));
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new AtalayaProcess(port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the health endpoint answers UP; throws if the process ended. */
    boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Atalaya ended with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd or docker stop send it; returns the exit code. */
    int terminate(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Atalaya did not stop within " + patience.toSeconds() + " s of SIGTERM");
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The main classes and runtime libraries of this test run: surefire's test class path (or the
     * one in its manifest-only booter jar) without the test classes.
     */
    static String applicationClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : testClassPath()) {
            if (entry.endsWith("test-classes") || entry.endsWith("test-classes/") || entry.contains("surefire")) {
                continue;
            }
            entries.add(entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null ? surefire : System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>(Arrays.asList(path.split(File.pathSeparator)));
        if (entries.size() == 1 && entries.getFirst().endsWith(".jar")) {
            try (JarFile booter = new JarFile(entries.getFirst())) {
                Manifest manifest = booter.getManifest();
                String classPath =
                        manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (classPath != null) {
                    entries.clear();
                    for (String url : classPath.split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Path.of(new URI(url)).toString());
                        }
                    }
                }
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("Cannot read the test class path", e);
            }
        }
        return entries;
    }
}
