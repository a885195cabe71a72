package dev.faultline.analysis.evidence;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.List;

/** The tables of the analysis keyspace, created at start when missing; dropping the keyspace and replaying rebuilds them. */
public final class AnalysisTables {

    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE IF NOT EXISTS hypotheses (experiment_id text, revision int, event blob,"
                    + " PRIMARY KEY (experiment_id, revision))",
            "CREATE TABLE IF NOT EXISTS approvals (experiment_id text PRIMARY KEY, revision int)",
            "CREATE TABLE IF NOT EXISTS injections (experiment_id text, injection_id uuid, started blob, stopped blob,"
                    + " PRIMARY KEY (experiment_id, injection_id))",
            "CREATE TABLE IF NOT EXISTS clearances (experiment_id text, injection_id uuid, event blob,"
                    + " PRIMARY KEY (experiment_id, injection_id))",
            "CREATE TABLE IF NOT EXISTS open_injections (bucket int, experiment_id text, injection_id uuid,"
                    + " deadline timestamp, PRIMARY KEY (bucket, experiment_id, injection_id))",
            "CREATE TABLE IF NOT EXISTS evidence_batches (experiment_id text, injection_key text, sequence bigint,"
                    + " phase text, sample_count int, event blob, PRIMARY KEY (experiment_id, injection_key, sequence))",
            "CREATE TABLE IF NOT EXISTS verdicts (experiment_id text, injection_id uuid, issued_at timestamp,"
                    + " event blob, evidence_keys set<text>, published boolean, report text,"
                    + " PRIMARY KEY (experiment_id, injection_id))");

    private AnalysisTables() {
    }

    public static synchronized void create(CqlSession session) {
        STATEMENTS.forEach(session::execute);
    }
}
