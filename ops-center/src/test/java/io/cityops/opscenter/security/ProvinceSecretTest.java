package io.cityops.opscenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.config.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvinceSecretTest {
    @Test
    void generatedOnceOwnerOnlyThenReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("security").resolve("province.secret");
        byte[] first = ProvinceSecret.load(Settings.of(Map.of()), file);
        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(ProvinceSecret.load(Settings.of(Map.of()), file)).isEqualTo(first);
    }

    @Test
    void configuredSecretWinsOverTheFile(@TempDir Path dir) {
        Settings s = Settings.of(Map.of(ProvinceSecret.SECRET, "from-the-vault-0123456789"));
        assertThat(ProvinceSecret.load(s, dir.resolve("province.secret")))
                .isEqualTo("from-the-vault-0123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(dir.resolve("province.secret")).doesNotExist();
    }
}
