package dev.faultline.agent.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowListTest {

    @TempDir
    Path tmp;

    private static ProcessInfo process(String commandLine) {
        return new ProcessInfo(4242, 1, 'S', commandLine);
    }

    @Test
    void shouldAllowAProcessOnlyWhenAnEntryMatchesItsWholeCommandLine() {
        AllowList allow = new AllowList(List.of("python3 -m http\\.server \\d+"), List.of());
        assertThat(allow.refuseProcess(process("python3 -m http.server 8080"))).isEmpty();
        // a partial match is not enough: the supervisor loop mentioning the server is not the server
        assertThat(allow.refuseProcess(process("bash -c while true; do python3 -m http.server 8080; done"))).isPresent();
    }

    @Test
    void shouldNameTheMissingProcessEntry() {
        AllowList allow = new AllowList(List.of("sleep 1"), List.of());
        assertThat(allow.refuseProcess(process("sshd: /usr/sbin/sshd -D"))).hasValue(
                "process 4242 ('sshd: /usr/sbin/sshd -D') is not on the allow-list: allow.processes [sleep 1] needs an entry"
                        + " (a regular expression matching the whole command line) that matches 'sshd: /usr/sbin/sshd -D'");
    }

    @Test
    void shouldAllowADirectoryInsideAnEntryAndNameTheMissingOne() throws IOException {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Path inside = Files.createDirectories(allowed.resolve("deeper"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        AllowList allow = new AllowList(List.of(), List.of(allowed.toString()));
        assertThat(allow.refuseDirectory(allowed)).isEmpty();
        assertThat(allow.refuseDirectory(inside)).isEmpty();
        Path real = outside.toRealPath();
        assertThat(allow.refuseDirectory(outside)).hasValueSatisfying(r -> assertThat(r)
                .contains("directory " + real + " is not on the allow-list")
                .contains("needs an entry for " + real + " or one of its parents"));
    }

    @Test
    void shouldNotBeFooledByDotDotOrASymbolicLinkOutOfAnAllowedDirectory() throws IOException {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path link = Files.createSymbolicLink(allowed.resolve("escape"), outside);
        AllowList allow = new AllowList(List.of(), List.of(allowed.toString()));
        assertThat(allow.refuseDirectory(allowed.resolve("../outside"))).isPresent();
        assertThat(allow.refuseDirectory(link)).isPresent();
        // a sibling whose name merely starts with the allowed one's is not inside it
        assertThat(allow.refuseDirectory(Files.createDirectories(tmp.resolve("allowed-not")))).isPresent();
    }

    @Test
    void shouldRefuseAnEntryThatIsNotARegularExpression() {
        assertThatThrownBy(() -> new AllowList(List.of("sleep ("), List.of()))
                .hasMessageContaining("allow.processes entry 'sleep (' is not a regular expression");
    }
}
