package dev.faultline.injector.fault;

import dev.faultline.injector.fault.record.KafkaCluster;
import dev.faultline.injector.fault.record.MalformedRecords;
import dev.faultline.injector.fault.record.RecordWriter;
import dev.faultline.injector.fault.record.StopVerification;
import dev.faultline.schemas.avro.DependencyProtocol;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetKind;
import dev.faultline.schemas.topics.Topics;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data faults on Kafka: MALFORMED_RECORD writes bad records ({@link MalformedRecords}) onto the topic between the
 * service and a Kafka dependency, at {@code ratePerSecond} (default 5), for the fault's duration. The topic is the
 * dependency's declared {@code topic} (or the FaultSpec's own, for a TOPIC target); the cluster its declared
 * {@code bootstrapServers}, else Faultline's own Kafka. The share of traffic (toxicity) plays no part: the records
 * are added to the topic's own traffic, at the rate asked for.
 */
public final class MalformedRecordKind implements FaultKind {

    static final double DEFAULT_RATE = 5;

    private static final Logger LOG = LoggerFactory.getLogger(MalformedRecordKind.class);

    /** Faultline's topics (the contract's catalogue, and whatever else is named under it). */
    private static final String FAULTLINE_TOPICS = "faultline.";

    private final KafkaCluster ownKafka;

    /**
     * @param ownKafka Faultline's own cluster, with the injector's credentials: the cluster of a dependency that names
     *                 none (a dependency's own cluster is reached without them, see {@link KafkaCluster#at})
     */
    public MalformedRecordKind(KafkaCluster ownKafka) {
        this.ownKafka = ownKafka;
    }

    @Override
    public Set<FaultType> types() {
        return EnumSet.of(FaultType.MALFORMED_RECORD);
    }

    @Override
    public Fault plan(FaultSpec spec, FaultContext context) {
        String topic;
        KafkaCluster cluster = ownKafka;
        if (spec.getTarget().getKind() == TargetKind.TOPIC && spec.getTarget().getTopic() != null) {
            topic = spec.getTarget().getTopic();
        } else {
            String name = spec.getTarget().getDependency();
            TargetDependency dependency = context.route().dependency(name).orElseThrow(() -> new UnsupportedFaultException(
                    "MALFORMED_RECORD writes onto the topic of a Kafka dependency, and " + context.route().service()
                            + " declares no dependency '" + name + "' (a targets file's dependencies." + name
                            + ": {protocol: kafka, topic: ...})"));
            if (dependency.getProtocol() != DependencyProtocol.KAFKA || dependency.getTopic() == null) {
                throw new UnsupportedFaultException("MALFORMED_RECORD writes onto a Kafka topic, and dependency '" + name
                        + "' of " + context.route().service() + " is declared " + dependency.getProtocol()
                        + " without a topic (declare it {protocol: kafka, topic: ...})");
            }
            topic = dependency.getTopic();
            if (dependency.getBootstrapServers() != null) {
                cluster = ownKafka.at(dependency.getBootstrapServers());
            }
        }
        if (cluster == ownKafka && (topic.startsWith(FAULTLINE_TOPICS) || Topics.byName(topic).isPresent())) {
            throw new UnsupportedFaultException("MALFORMED_RECORD never writes onto Faultline's own topic " + topic
                    + ": its topics are the audit trail, and no experiment may corrupt them");
        }
        FaultParameters parameters = new FaultParameters(spec.getParameters());
        double rate = rate(parameters);
        MalformedRecords records = MalformedRecords.of(spec.getParameters(), context.namePrefix());
        String experiment = context.experimentId() == null ? "(rollback rehearsal)" : context.experimentId();
        String injection = context.lease().holder().substring(context.lease().holder().indexOf(':') + 1);
        return new RecordFault(new RecordWriter(cluster, topic, experiment, injection, records, rate),
                new RecordWriter(cluster, topic, experiment, "rehearsal-" + injection, records, rate));
    }

    private static double rate(FaultParameters parameters) {
        String text = parameters.text("ratePerSecond", null);
        if (text == null) {
            return DEFAULT_RATE;
        }
        try {
            double rate = Double.parseDouble(text.strip());
            if (rate > 0 && rate <= RecordWriter.MAX_RATE) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UnsupportedFaultException("parameter ratePerSecond: records a second, above 0 and at most "
                + (int) RecordWriter.MAX_RATE + ", was '" + text + "'");
    }

    /** One injection's record writer, and the one that rehearses its stop without writing. */
    static final class RecordFault implements Fault {

        private final RecordWriter writer;
        private final RecordWriter rehearsal;

        RecordFault(RecordWriter writer, RecordWriter rehearsal) {
            this.writer = writer;
            this.rehearsal = rehearsal;
        }

        RecordWriter writer() {
            return writer;
        }

        @Override
        public String where() {
            return writer.where();
        }

        @Override
        public String rehearse() {
            return rehearsal.rehearse();
        }

        @Override
        public void apply() {
            try {
                writer.start();
            } catch (RuntimeException e) {
                remove();
                throw e;
            }
        }

        /** Nothing to renew (the writer dies with this process); a failed write ends the run with its reason. */
        @Override
        public boolean renew() {
            writer.failure().ifPresent(failure -> {
                throw new FaultException(failure + " (" + where() + ")");
            });
            return true;
        }

        @Override
        public boolean remove() {
            writer.stop();
            StopVerification verification = writer.verifyStopped();
            LOG.info("record writer on {} stopped: {}", where(), verification.describe());
            return verification.clean();
        }
    }
}
