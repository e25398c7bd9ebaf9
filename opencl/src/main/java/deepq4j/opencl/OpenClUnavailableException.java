package deepq4j.opencl;

/** Thrown when no OpenCL platform or device can be used; the message says how to install one. */
public final class OpenClUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** How to get an OpenCL platform on the machines this project runs on. */
    static final String HOW_TO_INSTALL = "install one: PoCL runs OpenCL on the CPU "
            + "(Debian/Ubuntu: apt-get install pocl-opencl-icd ocl-icd-opencl-dev); for a GPU, install its vendor's driver "
            + "with OpenCL support (NVIDIA: the driver's OpenCL ICD; AMD: ROCm or Mesa's rusticl; Intel: intel-opencl-icd). "
            + "clinfo -l lists what is installed";

    OpenClUnavailableException(String problem, Throwable cause) {
        super(problem + "; " + HOW_TO_INSTALL, cause);
    }
}
