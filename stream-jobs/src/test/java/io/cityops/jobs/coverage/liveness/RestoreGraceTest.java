package io.cityops.jobs.coverage.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Deadlines due within a grace after opening are postponed to its end; later ones are not. */
class RestoreGraceTest {
    private static final long GRACE = 180_000;

    @Test
    void anOverdueRestoredDeadlineIsJudgedOneGraceAfterTheFirstCallback() {
        RestoreGrace grace = new RestoreGrace();
        long openedAt = 1_000_000;

        assertThat(grace.judgeAt(400_000, openedAt, GRACE)).isEqualTo(openedAt + GRACE);
        // the re-armed deadline itself is judged when it comes
        assertThat(grace.judgeAt(openedAt + GRACE, openedAt + GRACE, GRACE))
                .isEqualTo(openedAt + GRACE);
    }

    @Test
    void deadlinesSetAfterOpeningAreJudgedWhenDue() {
        RestoreGrace grace = new RestoreGrace();
        grace.observe(1_000_000); // a reading came first: that is the opening time
        long due = 1_000_000 + 5_000 + GRACE; // armed by a reading 5 s later

        assertThat(grace.judgeAt(due, due, GRACE)).isEqualTo(due);
    }
}
