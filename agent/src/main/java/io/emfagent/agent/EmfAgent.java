package io.emfagent.agent;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

/**
 * The jar's entry points, and nothing else: {@code -javaagent:emf-agent.jar[=key=value,...]} at
 * start-up, attached to a running JVM, {@link #install} from inside the application, and
 * {@code java -jar emf-agent.jar} for the command-line tools. Each loads the real code from the jar
 * into a {@link RuntimeClassLoader} of its own, so that the agent's classes and whatever the agent is
 * allowed stay out of the application's reach.
 *
 * <p>Compiled for Java 8 so that any JVM can load it, even one that a platform-wide
 * {@code JAVA_TOOL_OPTIONS} attaches the agent to by mistake: there it says one line and the
 * application runs on. Nothing that goes wrong here may stop the application: every throwable
 * becomes one line on the standard error stream.
 */
public final class EmfAgent {

    /** The oldest Java the runtime runs on. */
    static final int REQUIRED_JAVA = 17;
    private static final String BOOT = "io.emfagent.runtime.boot.AgentBoot";
    private static final String TOOLS = "io.emfagent.tools.Main";
    private static final String SERIES_ROWS = "io.emfagent.tools.view.SeriesRows";
    /** The hidden command of {@link #install}'s helper process. */
    private static final String ATTACH = "--attach-to-pid";
    private static final long ATTACH_TIMEOUT_SECONDS = 60;

    private EmfAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start("start", agentArgs, instrumentation, false);
    }

    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start("start", agentArgs, instrumentation, true);
    }

    /**
     * Starts the agent from inside the application, for applications that cannot change their
     * command line; call it first thing in {@code main}, before annotated classes load (classes
     * loaded before are retransformed). The agent jar must be on the class path. Takes the same
     * settings as the agent argument, e.g. {@code "namespace=MyApp,service=orders"}; never throws.
     */
    public static void install(String agentArgs) {
        try {
            if (javaIsRecentEnough()) {
                attachToThisJvm(agentArgs == null ? "" : agentArgs);
            }
        } catch (Throwable t) {
            disabled("could not attach to this JVM: " + cause(t));
        }
    }

    /**
     * A JVM may not attach to itself (Java 9+), so a short-lived helper process, the same jar, does
     * it: the JVM then runs {@link #agentmain}, as for any agent attached from outside, and the helper
     * returns once it has.
     */
    private static void attachToThisJvm(String agentArgs) throws Exception {
        Class<?> handle = Class.forName("java.lang.ProcessHandle");
        Object self = handle.getMethod("current").invoke(null);
        String pid = String.valueOf(handle.getMethod("pid").invoke(self));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process helper = new ProcessBuilder(java, "-cp", RuntimeClassLoader.agentJar().getPath(),
                EmfAgent.class.getName(), ATTACH, pid, agentArgs).redirectErrorStream(true).start();
        helper.getOutputStream().close();
        String output = readAll(helper.getInputStream());
        if (!helper.waitFor(ATTACH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            helper.destroyForcibly();
            throw new IllegalStateException("the attach helper did not finish within " + ATTACH_TIMEOUT_SECONDS + " s");
        }
        if (helper.exitValue() != 0) {
            throw new IllegalStateException(output.trim().isEmpty() ? "the attach helper failed" : output.trim());
        }
    }

    /** The helper process: attaches the agent jar to the JVM with that process id. */
    private static void attachTo(String pid, String agentArgs) {
        try {
            Class<?> vmType = Class.forName("com.sun.tools.attach.VirtualMachine");
            Object vm = vmType.getMethod("attach", String.class).invoke(null, pid);
            try {
                vmType.getMethod("loadAgent", String.class, String.class)
                        .invoke(vm, RuntimeClassLoader.agentJar().getPath(), agentArgs);
            } finally {
                vmType.getMethod("detach").invoke(vm);
            }
            System.exit(0);
        } catch (ClassNotFoundException e) {
            System.err.println("this Java has no attach API (module jdk.attach): run the application with"
                    + " -javaagent:emf-agent.jar instead");
        } catch (Throwable t) {
            System.err.println(cause(t).toString());
        }
        System.exit(1);
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static void start(String method, String agentArgs, Instrumentation instrumentation, boolean lateAttach) {
        try {
            if (javaIsRecentEnough()) {
                Method start = RuntimeClassLoader.get().loadClass(BOOT)
                        .getMethod(method, String.class, Instrumentation.class, boolean.class);
                start.invoke(null, agentArgs, instrumentation, lateAttach);
            }
        } catch (Throwable t) {
            disabled("could not start: " + cause(t));
        }
    }

    /**
     * For metric contract tests (emf-agent-junit): when the agent runs in this JVM with
     * {@code sink=memory}, a supplier that writes what was recorded so far and returns the EMF
     * documents written since it was last asked; null when the agent does not run here, or writes
     * elsewhere.
     */
    @SuppressWarnings("unchecked")
    public static Supplier<List<String>> documentsSoFar() throws Exception {
        return (Supplier<List<String>>) RuntimeClassLoader.get().loadClass(BOOT).getMethod("documentsSoFar").invoke(null);
    }

    /**
     * For metric contract tests: what CloudWatch would store for these EMF lines, as rows of JDK types,
     * one per metric and dimension combination (see the tools' {@code SeriesRows}); the reader is the
     * one {@code report} uses.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> cloudWatchView(List<String> lines) throws Exception {
        try {
            return (List<Map<String, Object>>) RuntimeClassLoader.get().loadClass(SERIES_ROWS)
                    .getMethod("rows", List.class).invoke(null, lines);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /** {@code java -jar emf-agent.jar [command ...]}: the jar's command-line tools. */
    public static void main(String[] args) throws Throwable {
        if (args.length == 3 && args[0].equals(ATTACH)) {
            attachTo(args[1], args[2]);
            return;
        }
        if (javaVersion() < REQUIRED_JAVA) {
            System.err.println("emf-agent needs Java " + REQUIRED_JAVA + " or newer; this is Java "
                    + System.getProperty("java.specification.version"));
            System.exit(2);
        }
        try {
            RuntimeClassLoader.get().loadClass(TOOLS).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean javaIsRecentEnough() {
        if (javaVersion() >= REQUIRED_JAVA) {
            return true;
        }
        System.err.println("emf-agent needs Java " + REQUIRED_JAVA + "; this is Java "
                + System.getProperty("java.specification.version") + ", and the application continues without it");
        return false;
    }

    /** The feature release: 8 for "1.8", 17 for "17". */
    static int javaVersion() {
        String version = System.getProperty("java.specification.version", "0");
        if (version.startsWith("1.")) {
            version = version.substring(2);
        }
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Throwable cause(Throwable t) {
        return t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
    }

    private static void disabled(String why) {
        System.err.println("emf-agent disabled: " + why + "; the application continues");
    }
}
