package deepq4j.opencl;

import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device. {@link #all()} numbers the devices of every platform in the order the
 * OpenCL ICD loader reports them; {@code --device opencl:N} picks the N-th.
 */
public final class OpenClDevice {
    private final int index;
    private final String platformName;
    private final String name;
    private final String type;
    private final long globalMemoryBytes;
    final cl_platform_id platform;
    final cl_device_id id;

    private OpenClDevice(int index, cl_platform_id platform, cl_device_id id) {
        this.index = index;
        this.platform = platform;
        this.id = id;
        this.platformName = platformString(platform, CL_PLATFORM_NAME);
        this.name = deviceString(id, CL_DEVICE_NAME);
        long[] t = new long[1];
        clGetDeviceInfo(id, CL_DEVICE_TYPE, Sizeof.cl_ulong, Pointer.to(t), null);
        this.type = (t[0] & CL_DEVICE_TYPE_GPU) != 0 ? "GPU" : (t[0] & CL_DEVICE_TYPE_CPU) != 0 ? "CPU" : "accelerator";
        long[] mem = new long[1];
        clGetDeviceInfo(id, CL_DEVICE_GLOBAL_MEM_SIZE, Sizeof.cl_ulong, Pointer.to(mem), null);
        this.globalMemoryBytes = mem[0];
    }

    /** Why JOCL's native library failed to load, as its first attempt said; null until then. */
    private static String libraryFailure;

    /**
     * Every OpenCL device on this machine.
     *
     * @throws OpenClUnavailableException when the OpenCL library or any platform is missing
     */
    public static List<OpenClDevice> all() {
        try {
            CL.setExceptionsEnabled(true);
            int[] count = new int[1];
            clGetPlatformIDs(0, null, count);
            if (count[0] == 0) {
                throw new OpenClUnavailableException("no OpenCL platform is installed", null);
            }
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            clGetPlatformIDs(platforms.length, platforms, null);
            List<OpenClDevice> devices = new ArrayList<>();
            for (cl_platform_id p : platforms) {
                int[] n = new int[1];
                try {
                    clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, n);
                } catch (CLException e) {
                    continue; // CL_DEVICE_NOT_FOUND: a platform with no usable device
                }
                cl_device_id[] ids = new cl_device_id[n[0]];
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, ids.length, ids, null);
                for (cl_device_id id : ids) {
                    devices.add(new OpenClDevice(devices.size(), p, id));
                }
            }
            if (devices.isEmpty()) {
                throw new OpenClUnavailableException("the OpenCL platforms here have no devices", null);
            }
            return Collections.unmodifiableList(devices);
        } catch (LinkageError e) {
            // The first call fails with JOCL's UnsatisfiedLinkError, which says why; later ones only
            // with NoClassDefFoundError for org.jocl.CL, so the first message is kept for them.
            synchronized (OpenClDevice.class) {
                if (libraryFailure == null) {
                    libraryFailure = e.getMessage() != null ? e.getMessage() : e.toString();
                }
            }
            throw new OpenClUnavailableException("the OpenCL library (libOpenCL) could not be loaded: " + libraryFailure, e);
        } catch (CLException e) {
            // The ICD loader answers CL_PLATFORM_NOT_FOUND_KHR when no vendor is registered.
            throw new OpenClUnavailableException("no OpenCL platform is installed (" + e.getMessage() + ")", e);
        }
    }

    /** The device's number in {@link #all()}. */
    public int index() {
        return index;
    }

    /** The device's name, as the driver reports it. */
    public String name() {
        return name;
    }

    /** The platform's name, such as "Portable Computing Language" or "NVIDIA CUDA". */
    public String platformName() {
        return platformName;
    }

    /** "GPU", "CPU" or "accelerator". */
    public String type() {
        return type;
    }

    /** The device's global memory in bytes. */
    public long globalMemoryBytes() {
        return globalMemoryBytes;
    }

    @Override
    public String toString() {
        return "opencl:" + index + " " + name + " (" + type + ", " + platformName + ", " + (globalMemoryBytes >> 20) + " MiB)";
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(p, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetPlatformInfo(p, param, bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
    }
}
