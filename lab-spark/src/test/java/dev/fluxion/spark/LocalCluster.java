package dev.fluxion.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Spark standalone cluster on this machine for tests: one master and some workers, each a JVM started from the
 * test's own class path (the Maven artifacts), each worker with one core, all on 127.0.0.1. Workers are told their
 * Spark home is a folder with an empty {@code jars}, so the executors they start get only the class path the
 * application gives them. {@link #close()} ends every process it started.
 */
final class LocalCluster implements AutoCloseable {
    private final Path folder;
    private final int port;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    private LocalCluster(Path folder, int workerCount) throws IOException, InterruptedException {
        this.folder = folder;
        Files.createDirectories(folder.resolve("spark-home/jars"));
        port = freePort();
        master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
            String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        awaitPort(port, 60_000);
        for (int i = 0; i < workerCount; i++) workers.add(startWorker(i));
    }

    /** Starts worker {@code index}: one core, its log {@code workerINDEX.log} (a restarted worker's appends to it). */
    private Process startWorker(int index) throws IOException {
        return start("worker" + index, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
            "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
            "--work-dir", folder.resolve("work" + index).toString(), masterUrl());
    }

    /** Starts a master and {@code workers} workers of one core each, their files and logs in {@code folder}. */
    static LocalCluster start(Path folder, int workers) throws IOException, InterruptedException {
        return new LocalCluster(folder, workers);
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** Kills worker {@code index} at once, with its executor: as a machine of a cluster that fails. */
    void killWorker(int index) {
        Process worker = workers.get(index);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    /**
     * Starts worker {@code index} again after {@link #killWorker}: as a machine that replaces a failed one, it joins
     * the master, which gives the running application an executor on it.
     */
    void restartWorker(int index) throws IOException {
        workers.set(index, startWorker(index));
    }

    /** The log of a process ({@code master}, {@code worker0}, ...), for a failing test's message. */
    String log(String name) {
        try {
            return Files.readString(folder.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Process start(String name, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(jvmFlags().split("\\s+")));
        command.add("-Xmx256m");
        command.add("-Dspark.worker.timeout=10");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(Arrays.asList(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve(name + ".log").toFile()));
        builder.environment().put("SPARK_HOME", folder.resolve("spark-home").toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().remove("SPARK_CONF_DIR");
        return builder.start();
    }

    /** The JVM flags Spark needs, as the build wrote them (the same as surefire's and the fluxion command's). */
    static String jvmFlags() {
        try (InputStream in = LocalCluster.class.getResourceAsStream("/dev/fluxion/spark/jvm-flags.txt")) {
            if (in == null) throw new IllegalStateException("jvm-flags.txt is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Spark master did not open port " + port + " within " + millis + " ms");
    }

    @Override
    public void close() {
        List<Process> all = new ArrayList<>(workers);
        all.add(master);
        for (Process process : all) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : all) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
