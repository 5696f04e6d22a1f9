package io.cityops.simulator.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MagnusTest {

    @Test
    void dewPointMatchesPublishedTableValues() {
        // Reference: 20 °C at 50 % RH has a dew point of about 9.3 °C; at 100 % it equals the air.
        assertThat(Magnus.dewPointC(20, 50)).isCloseTo(9.26, within(0.1));
        assertThat(Magnus.dewPointC(20, 100)).isCloseTo(20, within(1e-9));
    }

    @Test
    void humidityAndDewPointAreInverses() {
        for (double t = -10; t <= 40; t += 5) {
            for (double rh = 10; rh <= 100; rh += 15) {
                assertThat(Magnus.humidityPct(t, Magnus.dewPointC(t, rh)))
                        .isCloseTo(rh, within(1e-9));
            }
        }
    }
}
