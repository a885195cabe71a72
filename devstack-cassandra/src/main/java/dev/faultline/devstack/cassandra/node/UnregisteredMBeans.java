package dev.faultline.devstack.cassandra.node;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.QueryExp;
import org.apache.cassandra.utils.MBeanWrapper;

/**
 * The development node's MBeans, left unregistered ({@code -Dorg.apache.cassandra.mbean_registration_class}): nothing
 * here reads Cassandra over JMX, and registering its ~100 metric MBeans per table was a good part of what each
 * {@code CREATE TABLE} cost while the services start. Queries still go to the platform's MBean server, which is what
 * Cassandra's own {@code GCInspector} needs to find the collectors it listens to (with
 * {@code disable_mbean_registration} it finds none and fails on every collection).
 */
public final class UnregisteredMBeans extends MBeanWrapper.NoOpMBeanWrapper {

    @Override
    public Set<ObjectName> queryNames(ObjectName name, QueryExp query) {
        return getMBeanServer().queryNames(name, query);
    }

    @Override
    public MBeanServer getMBeanServer() {
        return ManagementFactory.getPlatformMBeanServer();
    }
}
