package deepq4j.opencl;

import deepq4j.tensor.Backend;

/** Turns a device name as the command line takes it ({@code cpu}, {@code opencl}, {@code opencl:N}) into a backend. */
public final class Devices {
    private Devices() {
    }

    /**
     * The backend named by {@code spec}: {@code cpu}, or {@code opencl[:N]} for the N-th OpenCL
     * device (default 0) of {@link OpenClDevice#all()}.
     *
     * @throws IllegalArgumentException for any other name
     * @throws OpenClUnavailableException when an OpenCL device is asked for and there is no platform
     */
    public static Backend backend(String spec) {
        if (spec.equals("cpu")) {
            return Backend.cpu();
        }
        if (spec.equals("opencl")) {
            return OpenClBackend.open(0);
        }
        if (spec.startsWith("opencl:")) {
            String number = spec.substring("opencl:".length());
            if (number.matches("[0-9]{1,4}")) {
                return OpenClBackend.open(Integer.parseInt(number));
            }
        }
        throw new IllegalArgumentException("unknown device '" + spec + "': expected cpu, opencl or opencl:N (N counts the devices "
                + "that `./deepq4j devices` lists, from 0)");
    }
}
