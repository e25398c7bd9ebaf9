package deepq4j.opencl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs an OpenCL platform, as PyTorch marks its CUDA tests with
 * {@code skipIf(not torch.cuda.is_available())}: without a platform it is skipped, and one line
 * says why; with {@code -Dopencl.required=true} (CI sets it) it runs and fails instead. Shared with
 * the other modules' tests through this module's test jar.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OpenClCondition.class)
@AddLifecycleHook(OpenClCondition.class)
public @interface RequiresOpenCl {
}
