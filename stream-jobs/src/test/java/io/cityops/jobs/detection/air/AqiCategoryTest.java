package io.cityops.jobs.detection.air;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Category bands, names and colours (DOMAIN.md "Environment"). */
class AqiCategoryTest {
    @Test
    void bandsChangeAt51_101_151_201_301() {
        assertThat(AqiCategory.of(0)).isEqualTo(AqiCategory.GOOD);
        assertThat(AqiCategory.of(50)).isEqualTo(AqiCategory.GOOD);
        assertThat(AqiCategory.of(51)).isEqualTo(AqiCategory.MODERATE);
        assertThat(AqiCategory.of(100)).isEqualTo(AqiCategory.MODERATE);
        assertThat(AqiCategory.of(101)).isEqualTo(AqiCategory.POOR);
        assertThat(AqiCategory.of(150)).isEqualTo(AqiCategory.POOR);
        assertThat(AqiCategory.of(151)).isEqualTo(AqiCategory.BAD);
        assertThat(AqiCategory.of(200)).isEqualTo(AqiCategory.BAD);
        assertThat(AqiCategory.of(201)).isEqualTo(AqiCategory.VERY_BAD);
        assertThat(AqiCategory.of(300)).isEqualTo(AqiCategory.VERY_BAD);
        assertThat(AqiCategory.of(301)).isEqualTo(AqiCategory.HAZARDOUS);
        assertThat(AqiCategory.of(612)).isEqualTo(AqiCategory.HAZARDOUS);
    }

    @Test
    void namesAndColoursAsTheDecisionGivesThem() {
        assertThat(AqiCategory.values())
                .extracting(AqiCategory::vnName)
                .containsExactly("Tốt", "Trung bình", "Kém", "Xấu", "Rất xấu", "Nguy hại");
        assertThat(AqiCategory.values())
                .extracting(AqiCategory::enName)
                .containsExactly("good", "moderate", "poor", "bad", "very bad", "hazardous");
        assertThat(AqiCategory.values())
                .extracting(AqiCategory::hex)
                .containsExactly("#00E400", "#FFFF00", "#FF7E00", "#FF0000", "#8F3F97", "#7E0023");
        assertThat(AqiCategory.BAD.nameIn(AqiStandardId.VN)).isEqualTo("Xấu");
        assertThat(AqiCategory.BAD.nameIn(AqiStandardId.EPA)).isEqualTo("Unhealthy");
        assertThat(AqiCategory.VERY_BAD.code()).isEqualTo("very-bad");
    }
}
