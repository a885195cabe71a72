package dev.faultline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleCommandTest {

    @Test
    void shouldPutTheTokenInTheFragmentWhichNoServerSees() {
        assertThat(ConsoleCommand.link("http://127.0.0.1:8106/", "eyJ.a+b/c.d="))
                .isEqualTo("http://127.0.0.1:8106/#token=eyJ.a%2Bb%2Fc.d%3D");
    }
}
