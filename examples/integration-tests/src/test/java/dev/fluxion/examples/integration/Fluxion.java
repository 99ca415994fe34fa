package dev.fluxion.examples.integration;

import dev.fluxion.lab.cli.FluxionCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The real {@code fluxion} command, run in this process on its own output streams.
 *
 * @param code the exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record Fluxion(int code, String out, String err) {

    /** Runs {@code fluxion ARGS...}. */
    static Fluxion run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FluxionCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Fluxion(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
