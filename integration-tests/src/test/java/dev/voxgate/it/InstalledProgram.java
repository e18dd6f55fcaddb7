package dev.voxgate.it;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A program a test runs, found on the PATH. Where it is missing the test is skipped, unless
 * {@code VOXGATE_REQUIRE_SERVICES=1} (as CI sets it, having installed everything) makes that a failure.
 */
final class InstalledProgram {

    private InstalledProgram() {
    }

    /** The executable {@code name}, which Debian's {@code debianPackage} installs. */
    static Path find(String name, String debianPackage) {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String missing = "the " + name + " binary is not on the PATH; install it (Debian: apt-get install "
                + debianPackage + ")";
        if ("1".equals(System.getenv("VOXGATE_REQUIRE_SERVICES"))) {
            return fail(missing + ", or unset VOXGATE_REQUIRE_SERVICES to skip this test");
        }
        return abort(missing);
    }
}
