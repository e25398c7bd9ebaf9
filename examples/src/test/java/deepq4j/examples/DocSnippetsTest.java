package deepq4j.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import deepq4j.opencl.OpenClCondition;
import deepq4j.opencl.RequiresOpenCl;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of every page in docs/ is compiled and run, so a snippet that no
 * longer compiles (or throws) fails the build. A block of statements is wrapped in a method with
 * the project's packages imported; a block that declares a class is compiled as it is and its
 * {@code main} run. A block marked {@code ```java compile-only} is compiled, not run; one marked
 * {@code ```java needs-opencl} is always compiled and runs where an OpenCL platform exists (see
 * {@link RequiresOpenCl}).
 */
class DocSnippetsTest {
    private static final String IMPORTS = String.join("\n", "import deepq4j.tensor.*;", "import deepq4j.tensor.cpu.*;",
            "import deepq4j.autograd.*;", "import deepq4j.nn.*;", "import deepq4j.envs.*;", "import deepq4j.envs.minatar.*;",
            "import deepq4j.dqn.*;", "import deepq4j.dqn.replay.*;", "import deepq4j.dqn.run.*;", "import deepq4j.dqn.experiments.*;",
            "import deepq4j.opencl.*;", "import java.util.*;", "import java.nio.file.*;",
            "import deepq4j.nn.Module;", "");

    @TempDir
    Path work;

    /** One code block: the page, its position, its text, whether to run it and whether it needs OpenCL. */
    record Snippet(Path page, int number, int line, String code, boolean run, boolean needsOpenCl) {
        String className() {
            return "Snippet_" + page.getFileName().toString().replaceAll("[^A-Za-z0-9]", "_") + "_" + number;
        }
    }

    static List<Snippet> snippets() throws IOException {
        List<Snippet> out = new ArrayList<>();
        try (Stream<Path> pages = Files.list(Path.of("..", "docs"))) {
            for (Path page : (Iterable<Path>) pages.filter(p -> p.toString().endsWith(".md")).sorted()::iterator) {
                List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String fence = lines.get(i).trim();
                    if (fence.startsWith("```java")) {
                        int start = i;
                        StringBuilder code = new StringBuilder();
                        for (i++; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
                            code.append(lines.get(i)).append('\n');
                        }
                        out.add(new Snippet(page, out.size(), start + 1, code.toString(), !fence.contains("compile-only"),
                                fence.contains("needs-opencl")));
                    }
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockInTheDocsCompilesAndRuns() throws IOException {
        List<Snippet> all = snippets();
        assertFalse(all.isEmpty(), "no java blocks found under docs/");
        return all.stream().map(s -> DynamicTest.dynamicTest(s.page().getFileName() + " line " + s.line(), () -> compileAndRun(s)));
    }

    private void compileAndRun(Snippet s) throws Exception {
        boolean wholeClass = s.code().matches("(?s).*(^|\\n)\\s*(public\\s+)?(final\\s+)?(class|record)\\s+\\w+.*");
        String name = s.className();
        String source;
        if (wholeClass) {
            source = IMPORTS + s.code();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*(?:public\\s+)?(?:final\\s+)?(?:class|record)\\s+(\\w+)")
                    .matcher(s.code());
            assertTrue(m.find());
            name = m.group(1);
        } else {
            source = IMPORTS + "public class " + name + " {\n    public static void run() throws Exception {\n" + s.code() + "    }\n}\n";
        }
        Path dir = work.resolve(s.className());
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.StringWriter errors = new java.io.StringWriter();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean ok = javac.getTask(errors, null, null, List.of("-classpath", classPath, "-d", dir.toString(), "-proc:none",
                "--add-modules", "jdk.incubator.vector", "-Xlint:none"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
        if (!ok) {
            fail(s.page() + " line " + s.line() + " does not compile:\n" + errors + "\n" + source);
        }
        if (!s.run()) {
            return;
        }
        if (s.needsOpenCl()) {
            OpenClCondition.assumeAvailable();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> c = loader.loadClass(name);
            try {
                if (wholeClass) {
                    c.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
                } else {
                    c.getMethod("run").invoke(null);
                }
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new AssertionError(s.page() + " line " + s.line() + " throws " + e.getCause(), e.getCause());
            }
        }
    }
}
