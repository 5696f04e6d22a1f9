package io.cityops.opscenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MosquittoPasswordHashTest {
    // Written by mosquitto_passwd 2.0.11: `mosquitto_passwd -c -b pwfile alice s3cret`.
    private static final String FROM_MOSQUITTO_PASSWD =
            "$7$101$x+NaWoKUQHzRUHxa$l144k8E41TW19/h5eZx2F62QdLYOfA/s/9l/T0dkczwoYwHevyBQQOC0/LbOlRz8eXvZVOZEi/rQgZb+5NeEXA==";

    @Test
    void agreesWithMosquittoPasswd() {
        assertThat(MosquittoPasswordHash.verify("s3cret", FROM_MOSQUITTO_PASSWD)).isTrue();
        assertThat(MosquittoPasswordHash.verify("s3cret!", FROM_MOSQUITTO_PASSWD)).isFalse();
    }

    @Test
    void hashesWithAFreshSaltInMosquittosFormat() {
        String a = MosquittoPasswordHash.hash("s3cret");
        String b = MosquittoPasswordHash.hash("s3cret");
        assertThat(a)
                .matches("\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==")
                .isNotEqualTo(b);
        assertThat(MosquittoPasswordHash.verify("s3cret", a)).isTrue();
    }
}
