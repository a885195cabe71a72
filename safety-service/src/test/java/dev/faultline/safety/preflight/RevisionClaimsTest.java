package dev.faultline.safety.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.support.InMemoryClaims;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A revision's one name, shared by its clearances and the moves of its window (as on instances sharing claims). */
class RevisionClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant KEEP = NOW.plusSeconds(630);

    private final RevisionClaims revisions = new RevisionClaims(new InMemoryClaims());

    @Test
    void shouldLetOneClearanceNameTheRevisionAndRefuseAMoveMeanwhile() {
        assertThat(revisions.take("exp-1", 1, "clearance-a", NOW, KEEP)).isEmpty();
        assertThat(revisions.take("exp-1", 1, "clearance-b", NOW, KEEP)).as("the other instance's clearance")
                .hasValue("clearance-a");
        assertThat(revisions.takeForMove("exp-1", 1, NOW)).as("a move while it is being cleared").isEmpty();
        assertThat(revisions.clearance("exp-1", 1)).hasValue("clearance-a");
        assertThat(revisions.take("exp-1", 2, "clearance-c", NOW, KEEP)).as("another revision").isEmpty();
    }

    @Test
    void shouldRefuseAClearanceWhileTheWindowIsMovedAndAllowItOnceTheMoveIsDone() {
        String move = revisions.takeForMove("exp-1", 1, NOW).orElseThrow();
        Optional<String> held = revisions.take("exp-1", 1, "clearance-a", NOW, KEEP);
        assertThat(held).hasValueSatisfying(holder -> assertThat(RevisionClaims.isMove(holder)).isTrue());
        assertThat(revisions.clearance("exp-1", 1)).as("a move's hold is no clearance").isEmpty();

        revisions.release("exp-1", 1, move);
        assertThat(revisions.take("exp-1", 1, "clearance-a", NOW, KEEP)).isEmpty();
    }

    @Test
    void shouldLetGoOfAClearanceThatWasNotIssuedAfterAll() {
        assertThat(revisions.take("exp-1", 1, "clearance-a", NOW, KEEP)).isEmpty();
        revisions.release("exp-1", 1, "clearance-b");
        assertThat(revisions.clearance("exp-1", 1)).as("only by its holder").hasValue("clearance-a");
        revisions.release("exp-1", 1, "clearance-a");
        assertThat(revisions.take("exp-1", 1, "clearance-b", NOW, KEEP)).isEmpty();
    }
}
