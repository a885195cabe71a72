package dev.faultline.analysis.followup;

import static dev.faultline.schemas.avro.FollowUpState.ACCEPTED;
import static dev.faultline.schemas.avro.FollowUpState.DONE;
import static dev.faultline.schemas.avro.FollowUpState.OPEN;
import static dev.faultline.schemas.avro.FollowUpState.UNKNOWN;
import static dev.faultline.schemas.avro.FollowUpState.WONT_FIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.avro.FollowUpState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TriageTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"OPEN,ACCEPTED", "OPEN,DONE", "OPEN,WONT_FIX", "ACCEPTED,DONE", "ACCEPTED,WONT_FIX"})
    void shouldAllowTheLifecycleSteps(FollowUpState from, FollowUpState to) {
        Triage.Change change = Triage.decide(from, "team-a", to, null, "why");

        assertThat(change).isEqualTo(new Triage.Change(from, to, "team-a", "why"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"DONE,OPEN", "DONE,ACCEPTED", "DONE,WONT_FIX", "WONT_FIX,OPEN", "WONT_FIX,DONE"})
    void shouldRefuseAnythingAfterAFinalState(FollowUpState from, FollowUpState to) {
        assertThatThrownBy(() -> Triage.decide(from, "team-a", to, null, "note"))
                .isInstanceOfSatisfying(Triage.Refused.class, r -> assertThat(r.conflict()).isTrue())
                .hasMessage("the follow-up is " + from + ", which is final: nothing may follow it");
    }

    @Test
    void shouldRefuseGoingBackToOpenAndSayWhatIsAllowed() {
        assertThatThrownBy(() -> Triage.decide(ACCEPTED, "team-a", OPEN, null, null))
                .isInstanceOfSatisfying(Triage.Refused.class, r -> assertThat(r.conflict()).isTrue())
                .hasMessageContaining("ACCEPTED → OPEN is not allowed")
                .hasMessageContaining("from ACCEPTED it may go to DONE, WONT_FIX");
    }

    @Test
    void shouldRefuseWontFixWithoutANote() {
        assertThatThrownBy(() -> Triage.decide(OPEN, "team-a", WONT_FIX, null, "  "))
                .isInstanceOfSatisfying(Triage.Refused.class, r -> assertThat(r.conflict()).isFalse())
                .hasMessageContaining("WONT_FIX needs a note");
    }

    @Test
    void shouldReassignWithoutChangingTheStateButRefuseARequestThatChangesNothing() {
        assertThat(Triage.decide(ACCEPTED, "team-a", ACCEPTED, "bob", null))
                .isEqualTo(new Triage.Change(ACCEPTED, ACCEPTED, "bob", null));
        assertThatThrownBy(() -> Triage.decide(OPEN, "team-a", OPEN, "team-a", null))
                .hasMessageContaining("already OPEN");
        assertThatThrownBy(() -> Triage.decide(OPEN, "team-a", OPEN, null, null))
                .hasMessageContaining("already OPEN");
    }

    @Test
    void shouldTakeTheNewAssigneeWithAStep() {
        assertThat(Triage.decide(OPEN, null, ACCEPTED, " bob ", null).assignee()).isEqualTo("bob");
    }

    @Test
    void shouldRefuseAnUnknownState() {
        assertThatThrownBy(() -> Triage.decide(OPEN, null, UNKNOWN, null, null))
                .isInstanceOfSatisfying(Triage.Refused.class, r -> assertThat(r.conflict()).isFalse())
                .hasMessageContaining("state must be one of OPEN, ACCEPTED, DONE, WONT_FIX");
        assertThat(Triage.isFinal(DONE)).isTrue();
        assertThat(Triage.isFinal(ACCEPTED)).isFalse();
    }
}
