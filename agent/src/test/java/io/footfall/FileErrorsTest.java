package io.footfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-system failures say why, not only which path. */
class FileErrorsTest {

    @TempDir
    Path tmp;

    @Test
    void aFileWhereAFolderIsNeededSaysSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "hi");

        IOException e = catchThrowableOfType(() -> Files.createDirectories(file), IOException.class);
        IOException below = catchThrowableOfType(() -> Files.writeString(file.resolve("x.csv"), "a"), IOException.class);

        assertThat(e.getMessage()).as("the JDK's message is the path only").isEqualTo(file.toString());
        assertThat(FileErrors.describe(e)).isEqualTo(file + " is a file, not a folder");
        assertThat(FileErrors.describe(below)).isEqualTo(file.resolve("x.csv") + ": a folder on its path is a file");
    }

    @Test
    void permissionAndReadOnlyReasonsAreNamed() {
        assertThat(FileErrors.describe(new AccessDeniedException("/data/x"))).isEqualTo("/data/x: permission denied");
        assertThat(FileErrors.describe(new FileSystemException("/mnt/ro/x", null, "Read-only file system")))
                .isEqualTo("/mnt/ro/x: read-only file system");
        assertThat(FileErrors.reason(new FileSystemException("/proc/x"))).isEqualTo("FileSystemException");
        assertThat(FileErrors.describe(new IOException("GET https://h/m.xml answered HTTP 404")))
                .isEqualTo("GET https://h/m.xml answered HTTP 404");
    }
}
