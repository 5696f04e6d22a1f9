package io.cityops.opscenter.security;

import io.cityops.model.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the province secret comes from: the {@code security.secret} setting, else the file named by
 * {@code security.secret-file}, which is generated (32 random bytes, Base64, owner-only) the first
 * time it is missing, so a fresh install is secure without any set-up.
 */
public final class ProvinceSecret {
    private static final Logger LOG = LoggerFactory.getLogger(ProvinceSecret.class);

    public static final String SECRET = "security.secret";
    public static final String SECRET_FILE = "security.secret-file";

    private ProvinceSecret() {}

    /**
     * @param defaultFile the secret file when {@code security.secret-file} is not set
     */
    public static byte[] load(Settings settings, Path defaultFile) {
        return settings.find(SECRET)
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(
                        () -> fromFile(Path.of(settings.get(SECRET_FILE, defaultFile.toString()))));
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the province secret " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the province secret file " + file + " must hold one line of Base64", e);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".secret", ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(secret) + "\n");
        Files.move(tmp, file);
        LOG.info("Generated a new province secret in {}; keep it safe and back it up", file);
    }
}
