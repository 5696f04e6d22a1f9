package io.cityops.opscenter.security;

import io.cityops.model.config.Settings;
import java.nio.file.Path;

/**
 * Prints the MQTT password of one broker account (a sensor id, a field unit id, or a service user)
 * of the all-in-one, derived from the province secret in its work directory: {@code ./cityops
 * password rescue-north}. For provisioning a device by hand and for trying things with {@code
 * mosquitto_sub}.
 */
public final class MqttPasswordMain {
    private MqttPasswordMain() {}

    public static void main(String[] args) {
        Settings settings = Settings.fromArgs(args);
        String user = settings.require("user");
        Path workDir = Path.of(settings.get("opscenter.work-dir", "work"));
        byte[] secret =
                ProvinceSecret.load(
                        settings, workDir.resolve("security").resolve("province.secret"));
        System.out.println(new MqttCredentials(secret).passwordFor(user));
    }
}
