package io.cityops.dashboards.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenSpecTest {
    @Test
    void parsesRolesUnitsAndNames() {
        var tokens =
                TokenSpec.parse(
                        "aaaaaaaaaaaaaaaa=operator@duty-desk, bbbbbbbbbbbbbbbb=field-unit:ranger-north");
        assertThat(tokens.get("aaaaaaaaaaaaaaaa"))
                .isEqualTo(Principal.of("duty-desk", Role.OPERATOR));
        assertThat(tokens.get("bbbbbbbbbbbbbbbb"))
                .isEqualTo(
                        new Principal(
                                "unit:ranger-north", Role.FIELD_UNIT, Optional.of("ranger-north")));
    }

    @Test
    void refusesShortTokensUnknownRolesAndFieldUnitsWithoutUnit() {
        assertThatThrownBy(() -> TokenSpec.parse("short=admin"))
                .hasMessageContaining("16 characters");
        assertThatThrownBy(() -> TokenSpec.parse("aaaaaaaaaaaaaaaa=mayor"))
                .hasMessageContaining("unknown role 'mayor'");
        assertThatThrownBy(() -> TokenSpec.parse("aaaaaaaaaaaaaaaa=field-unit"))
                .hasMessageContaining("needs a unit id");
    }

    @Test
    void generatedTokensParseAndAuthenticate() {
        var tokens = TokenSpec.parse(TokenSpec.generate(List.of("ranger-north")));
        assertThat(tokens.values())
                .extracting(Principal::role)
                .containsExactly(Role.ADMIN, Role.OPERATOR, Role.ANALYST, Role.FIELD_UNIT);
        TokenRegistry registry = new TokenRegistry(tokens);
        String any = tokens.keySet().iterator().next();
        assertThat(registry.authenticate(any)).isPresent();
        assertThat(registry.authenticate(any + "x")).isEmpty();
    }
}
