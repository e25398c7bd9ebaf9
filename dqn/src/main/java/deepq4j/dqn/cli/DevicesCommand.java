package deepq4j.dqn.cli;

import deepq4j.opencl.OpenClDevice;
import deepq4j.opencl.OpenClUnavailableException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code deepq4j devices}: the devices {@code --device} can name. */
@Command(name = "devices", mixinStandardHelpOptions = true, description = "List the devices --device can name: cpu and each OpenCL device.")
final class DevicesCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("cpu " + Runtime.getRuntime().availableProcessors() + " cores (Vector API: "
                + (deepq4j.tensor.cpu.Simd.enabled() ? "on" : "off") + ")");
        try {
            for (OpenClDevice d : OpenClDevice.all()) {
                out.println(d);
            }
        } catch (OpenClUnavailableException e) {
            out.println("no OpenCL devices: " + e.getMessage());
        }
        return 0;
    }
}
